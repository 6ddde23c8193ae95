import type { ChatRequest, ResponseFormat } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { narrowAnthropicOutputSchema } from './narrow-anthropic-output-schema.js';
import type { AnthropicOutputConfig } from './anthropic-wire-types.js';

/**
 * Models released before structured outputs (Claude 3.x, Opus/Sonnet 4.0, Opus 4.1): a JSON schema
 * sent to them is refused, so the gateway forces a tool for them instead.
 */
const modelsWithoutStructuredOutputs = /^claude-(?:instant|2|3)|^claude-(?:opus|sonnet)-4(?:-0)?(?:-\d{8})?$|^claude-opus-4-1(?:-\d{8})?$/i;

/**
 * Which structured-output formats an Anthropic model enforces itself: a JSON schema, as
 * `output_config.format`, on current models. JSON mode has no Anthropic form (a schema must be
 * given, and every object in it closed), so JSON mode is served with a forced tool whose input is a
 * free-form object.
 */
export function anthropicSupportsResponseFormat(format: Exclude<ResponseFormat['type'], 'text'>, upstreamModel: string): boolean {
  switch (format) {
    case 'json-schema':
      return !modelsWithoutStructuredOutputs.test(upstreamModel);
    case 'json-object':
      return false;
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

/** The request's JSON schema as `output_config.format` (GA form, no beta header needed). */
export function toAnthropicOutputConfig(request: ChatRequest, warnings: ConversionWarning[]): AnthropicOutputConfig | undefined {
  const format = request.responseFormat;
  if (format?.type !== 'json-schema') return undefined;
  return { format: { type: 'json_schema', schema: narrowAnthropicOutputSchema(format.schema, warnings) } };
}
