/**
 * Makes a client's JSON Schema acceptable as a Q tool input schema: the root is always
 * `{type: "object", properties: {...}}`, `required` lists only declared properties and is omitted
 * when empty, and null-valued keys (`required: null`, `properties: null` give a 400 upstream) and
 * `$schema` are removed at every depth.
 */
export function normalizeToolSchema(schema: unknown): Record<string, unknown> {
  const cleaned = removeNulls(isRecord(schema) ? schema : {});
  const root: Record<string, unknown> = isRecord(cleaned) ? cleaned : {};
  const properties = isRecord(root.properties) ? root.properties : {};
  const required = Array.isArray(root.required)
    ? root.required.filter((name): name is string => typeof name === 'string' && Object.hasOwn(properties, name))
    : [];
  const normalized: Record<string, unknown> = { ...root, type: 'object', properties };
  if (required.length > 0) normalized.required = [...new Set(required)];
  else delete normalized.required;
  return normalized;
}

function removeNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(removeNulls);
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined || key === '$schema') continue;
    if (key === 'required' && Array.isArray(item) && item.length === 0) continue;
    result[key] = removeNulls(item);
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
