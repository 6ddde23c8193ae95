import type { z } from 'zod';
import type { AnthropicStreamEvent, AnthropicUsage, anthropicContentBlockSchema, anthropicDeltaSchema } from './anthropic-stream-schema.js';

export type AnthropicContentBlock = z.infer<typeof anthropicContentBlockSchema>;
export type AnthropicDelta = z.infer<typeof anthropicDeltaSchema>;

/*
 * The checks of anthropic-stream-schema.ts written out by hand: they accept and refuse exactly what
 * the schemas do, without copying the event, which matters on a path taken for every event of every
 * stream. Unknown fields are allowed; each function returns its input, narrowed, or undefined.
 */

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
/** JSON can hold a number too large for a double (1e999): that is Infinity, which the schemas refuse. */
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isNumberOrNothing = (value: unknown): boolean => value === undefined || value === null || isNumber(value);
const isStringOrNothing = (value: unknown): boolean => value === undefined || value === null || typeof value === 'string';
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

export function isAnthropicUsage(value: unknown): value is AnthropicUsage {
  if (!isObject(value)) return false;
  if (!isNumberOrNothing(value.input_tokens) || !isNumberOrNothing(value.output_tokens)) return false;
  if (!isNumberOrNothing(value.cache_creation_input_tokens) || !isNumberOrNothing(value.cache_read_input_tokens)) return false;
  if (!isNumberOrNothing(value.credits)) return false;
  const split = value.cache_creation;
  if (split === undefined || split === null) return true;
  return isObject(split) && isNumberOrNothing(split.ephemeral_5m_input_tokens) && isNumberOrNothing(split.ephemeral_1h_input_tokens);
}

/** One parsed SSE payload as an Anthropic stream event, or undefined when it is not a well-formed one. */
export function readAnthropicStreamEvent(json: unknown): AnthropicStreamEvent | undefined {
  if (!isObject(json)) return undefined;
  const event = json as AnthropicStreamEvent & Fields;
  switch (json.type) {
    case 'message_start': {
      const message = json.message;
      if (!isObject(message) || !isOptionalString(message.id)) return undefined;
      return message.usage === undefined || isAnthropicUsage(message.usage) ? event : undefined;
    }
    case 'content_block_start':
      return isNumber(json.index) && 'content_block' in json ? event : undefined;
    case 'content_block_delta':
      return isNumber(json.index) && 'delta' in json ? event : undefined;
    case 'content_block_stop':
      return isNumber(json.index) ? event : undefined;
    case 'message_delta': {
      const delta = json.delta;
      if (delta !== undefined && !(isObject(delta) && isStringOrNothing(delta.stop_reason) && isStringOrNothing(delta.stop_sequence))) return undefined;
      return json.usage === undefined || json.usage === null || isAnthropicUsage(json.usage) ? event : undefined;
    }
    case 'message_stop':
    case 'ping':
      return event;
    case 'error': {
      const error = json.error;
      return isObject(error) && isOptionalString(error.type) && isOptionalString(error.message) ? event : undefined;
    }
    default:
      return undefined;
  }
}

/** A `content_block_start`'s block, or undefined for an unknown or malformed one. */
export function readAnthropicContentBlock(value: unknown): AnthropicContentBlock | undefined {
  if (!isObject(value)) return undefined;
  const block = value as AnthropicContentBlock;
  switch (value.type) {
    case 'text':
      return isOptionalString(value.text) ? block : undefined;
    case 'thinking':
      return isOptionalString(value.thinking) && isOptionalString(value.signature) ? block : undefined;
    case 'redacted_thinking':
      return typeof value.data === 'string' ? block : undefined;
    case 'tool_use':
    case 'server_tool_use':
      return typeof value.id === 'string' && typeof value.name === 'string' ? block : undefined;
    default:
      return undefined;
  }
}

/** A `content_block_delta`'s delta, or undefined for an unknown or malformed one. */
export function readAnthropicDelta(value: unknown): AnthropicDelta | undefined {
  if (!isObject(value)) return undefined;
  const delta = value as AnthropicDelta;
  switch (value.type) {
    case 'text_delta':
      return typeof value.text === 'string' ? delta : undefined;
    case 'thinking_delta':
      return typeof value.thinking === 'string' ? delta : undefined;
    case 'signature_delta':
      return typeof value.signature === 'string' ? delta : undefined;
    case 'input_json_delta':
      return typeof value.partial_json === 'string' ? delta : undefined;
    default:
      return undefined;
  }
}
