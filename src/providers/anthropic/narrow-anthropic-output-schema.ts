import type { ConversionWarning } from '../../core/warning.js';

type Schema = Record<string, unknown>;

/** String formats Anthropic's structured outputs accept. */
const supportedFormats = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'uri', 'ipv4', 'ipv6', 'uuid']);

/** Keywords passed on unchanged; nested schemas under the structural ones are narrowed in turn. */
const keptKeywords = new Set(['type', 'description', 'title', 'enum', 'const', 'default', 'required', 'pattern', '$ref']);

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

const mapValues = (record: unknown, narrow: (schema: Schema) => Schema): Schema | undefined =>
  isSchema(record) ? Object.fromEntries(Object.entries(record).map(([key, value]) => [key, isSchema(value) ? narrow(value) : value])) : undefined;

/**
 * A JSON schema as Anthropic's structured outputs accept it: every object closed
 * (`additionalProperties: false`, which Anthropic requires), `oneOf` as `anyOf`, and the constraints
 * it does not enforce (minimum, maxLength, other formats, minItems above 1, …) written into the
 * description instead of sent, so the model still sees them. Pure; a warning names what moved.
 */
export function narrowAnthropicOutputSchema(schema: Schema, warnings: ConversionWarning[]): Schema {
  const moved = new Set<string>();
  const narrow = (node: Schema): Schema => {
    const out: Schema = {};
    const unsupported: string[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (keptKeywords.has(key)) out[key] = value;
      else if (key === 'properties' || key === '$defs' || key === 'definitions') out[key] = mapValues(value, narrow) ?? value;
      else if (key === 'items') out[key] = isSchema(value) ? narrow(value) : value;
      else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') {
        out[key === 'oneOf' ? 'anyOf' : key] = Array.isArray(value) ? value.map((entry) => (isSchema(entry) ? narrow(entry) : entry)) : value;
      } else if (key === 'additionalProperties') continue;
      else if (key === 'format' && typeof value === 'string' && supportedFormats.has(value)) out[key] = value;
      else if (key === 'minItems' && (value === 0 || value === 1)) out[key] = value;
      else if (key === '$schema' || key === '$id' || key === '$comment') continue;
      else unsupported.push(`${key}: ${JSON.stringify(value)}`);
    }
    const isObject = out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object')) || isSchema(out.properties);
    if (isObject) out.additionalProperties = false;
    if (unsupported.length > 0) {
      for (const entry of unsupported) moved.add(entry.slice(0, entry.indexOf(':')));
      const note = `{${unsupported.join(', ')}}`;
      out.description = typeof out.description === 'string' && out.description !== '' ? `${out.description}\n\n${note}` : note;
    }
    return out;
  };
  const narrowed = narrow(schema);
  if (moved.size > 0) {
    warnings.push({ feature: 'response_format', detail: `Schema keywords Anthropic does not enforce were moved into descriptions: ${[...moved].join(', ')}.` });
  }
  return narrowed;
}
