import type { ResponseFormat } from '../../core/chat-request.js';
import type { OpenAIChatRequestBody } from './openai-request-schema.js';

/**
 * Chat Completions `response_format` → the canonical response format. A `json_schema` without a
 * schema asks only for JSON, so it is JSON mode.
 */
export function convertOpenAIResponseFormat(format: OpenAIChatRequestBody['response_format']): ResponseFormat | undefined {
  if (format === null || format === undefined) return undefined;
  switch (format.type) {
    case 'text':
      return { type: 'text' };
    case 'json_object':
      return { type: 'json-object' };
    case 'json_schema': {
      const { name, description, schema, strict } = format.json_schema;
      if (!schema) return { type: 'json-object' };
      return {
        type: 'json-schema',
        name,
        schema,
        ...(description ? { description } : {}),
        ...(typeof strict === 'boolean' ? { strict } : {}),
      };
    }
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}
