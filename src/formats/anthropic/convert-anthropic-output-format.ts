import type { ResponseFormat } from '../../core/chat-request.js';
import type { AnthropicMessagesRequestBody } from './anthropic-request-schema.js';

/** Anthropic formats carry no name; this one stands in where a target needs one (OpenAI's `json_schema.name`). */
export const anthropicOutputFormatName = 'response';

/**
 * `output_config.format` (or the beta's top-level `output_format`) → the canonical response format.
 * `strict` is left to each target: OpenAI's strict mode has rules of its own (every property required).
 */
export function convertAnthropicOutputFormat(body: Pick<AnthropicMessagesRequestBody, 'output_config' | 'output_format'>): ResponseFormat | undefined {
  const format = body.output_config?.format ?? body.output_format;
  if (!format) return undefined;
  return { type: 'json-schema', name: anthropicOutputFormatName, schema: format.schema };
}
