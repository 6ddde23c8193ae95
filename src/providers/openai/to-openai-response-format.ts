import type { ResponseFormat } from '../../core/chat-request.js';
import type { OpenAIResponseFormat } from './openai-wire-types.js';

/** OpenAI accepts schema names of letters, digits, `_` and `-`, at most 64 characters. */
const schemaName = (name: string): string => name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'response';

type Schema = Record<string, unknown>;
const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether OpenAI's strict mode would accept the schema: every object closed and listing all its
 * properties as required (nested schemas included). Checked only when the client did not say.
 */
export function isOpenAIStrictSchema(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(isOpenAIStrictSchema);
  if (!isSchema(schema)) return true;
  const properties = schema.properties;
  const isObject = schema.type === 'object' || isSchema(properties);
  if (isObject) {
    if (schema.additionalProperties !== false) return false;
    const required = Array.isArray(schema.required) ? schema.required : [];
    if (isSchema(properties) && !Object.keys(properties).every((key) => required.includes(key))) return false;
  }
  return Object.entries(schema).every(([key, value]) => key === 'enum' || key === 'const' || key === 'default' || isOpenAIStrictSchema(value));
}

/**
 * The canonical response format as `response_format` (Structured Outputs or JSON mode). A schema that
 * came without a `strict` preference (from Anthropic's `output_config.format`, which is always
 * enforced) is sent strict when OpenAI's strict mode accepts it, so it is enforced here too.
 */
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
          ...(format.strict === undefined ? (isOpenAIStrictSchema(format.schema) ? { strict: true } : {}) : { strict: format.strict }),
        },
      };
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}
