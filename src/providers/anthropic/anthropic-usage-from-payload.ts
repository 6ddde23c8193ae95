import type { Usage } from '../../core/usage.js';
import type { AnthropicUsage } from './anthropic-stream-schema.js';
import { mapAnthropicUsage } from './map-anthropic-usage.js';
import { isAnthropicUsage } from './read-anthropic-stream-event.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isUsageOrNothing = (value: unknown): value is AnthropicUsage | null | undefined => value === undefined || value === null || isAnthropicUsage(value);

/**
 * Usage carried by one Anthropic SSE payload (message_start, message_delta) or a whole JSON message.
 * Read on every relayed answer, so checked by hand (see read-anthropic-stream-event.ts): a payload
 * whose `type`, `usage` or `message.usage` is malformed carries no usage.
 */
export function anthropicUsageFromPayload(json: unknown): Partial<Usage> | undefined {
  if (!isObject(json)) return undefined;
  const { type, usage, message } = json;
  if ((type !== undefined && typeof type !== 'string') || !isUsageOrNothing(usage)) return undefined;
  if (message !== undefined && !(isObject(message) && isUsageOrNothing(message.usage))) return undefined;
  const carried = type === 'message_start' ? (message as { usage?: AnthropicUsage | null } | undefined)?.usage : usage;
  return carried ? mapAnthropicUsage(carried) : undefined;
}
