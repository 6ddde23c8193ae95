/**
 * Gemini's OpenAPI-subset schema (`Schema`: upper-case `type`, `nullable`, `propertyOrdering`) ↔
 * JSON Schema. Pure; unknown keywords are kept as they are, so JSON Schema passes through unchanged.
 */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const mapValues = (value: unknown, convert: (schema: Record<string, unknown>) => Record<string, unknown>): unknown => {
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, isRecord(inner) ? convert(inner) : inner]));
};

const mapList = (value: unknown, convert: (schema: Record<string, unknown>) => Record<string, unknown>): unknown =>
  Array.isArray(value) ? value.map((inner) => (isRecord(inner) ? convert(inner) : inner)) : value;

/** Gemini `Schema` → JSON Schema: lower-case types, `nullable` as a `null` type, no `propertyOrdering`. */
export function geminiSchemaToJsonSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    switch (key) {
      case 'type':
        result.type = typeof value === 'string' ? value.toLowerCase() : value;
        break;
      case 'nullable':
      case 'propertyOrdering':
        break;
      case 'properties':
        result.properties = mapValues(value, geminiSchemaToJsonSchema);
        break;
      case 'items':
        result.items = isRecord(value) ? geminiSchemaToJsonSchema(value) : value;
        break;
      case 'anyOf':
        result.anyOf = mapList(value, geminiSchemaToJsonSchema);
        break;
      default:
        result[key] = value;
    }
  }
  if (schema.nullable === true && typeof result.type === 'string') result.type = [result.type, 'null'];
  if (result.type === 'type_unspecified') delete result.type;
  return result;
}
