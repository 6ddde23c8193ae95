import type { ResponseFormat } from '../../core/chat-request.js';
import type { OpenAIResponseFormat } from './openai-wire-types.js';

/** OpenAI accepts schema names of letters, digits, `_` and `-`, at most 64 characters. */
const schemaName = (name: string): string => name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'response';

/** The canonical response format as `response_format` (Structured Outputs or JSON mode). */
export function toOpenAIResponseFormat(format: ResponseFormat | undefined): OpenAIResponseFormat | undefined {
  if (!format) return undefined;
  switch (format.type) {
    case 'text':
      return undefined;
    case 'json-object':
      return { type: 'json_object' };
    case 'json-schema':
      return {
        type: 'json_schema',
        json_schema: {
          name: schemaName(format.name),
          schema: format.schema,
          ...(format.description === undefined ? {} : { description: format.description }),
          ...(format.strict === undefined ? {} : { strict: format.strict }),
        },
      };
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}
