import { z } from 'zod';
import type { Usage } from '../../core/usage.js';
import { anthropicUsageSchema } from './anthropic-stream-schema.js';
import { mapAnthropicUsage } from './map-anthropic-usage.js';

const payloadSchema = z
  .object({
    type: z.string().optional(),
    usage: anthropicUsageSchema.nullish(),
    message: z.object({ usage: anthropicUsageSchema.nullish() }).loose().optional(),
  })
  .loose();

/** Usage carried by one Anthropic SSE payload (message_start, message_delta) or a whole JSON message. */
export function anthropicUsageFromPayload(json: unknown): Partial<Usage> | undefined {
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const usage = parsed.data.type === 'message_start' ? parsed.data.message?.usage : parsed.data.usage;
  return usage ? mapAnthropicUsage(usage) : undefined;
}
