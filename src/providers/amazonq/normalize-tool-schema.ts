/**
 * Makes a client's JSON Schema acceptable as a Q tool input schema (§2.5 rule 7): the root is always
 * `{type: "object", properties: {...}}`; `required` lists only declared properties (at every depth)
 * and is omitted when empty; null-valued keys (`required: null`, `properties: null` give a 400
 * upstream), `$schema`, `$id` and `$comment` are removed; local `$ref`s (`#/$defs/…`,
 * `#/definitions/…`, as zod and pydantic emit) are inlined and the definitions dropped (recursive
 * references become `{}`); `true`/`false` property schemas become `{}`.
 */
export function normalizeToolSchema(schema: unknown): Record<string, unknown> {
  const source = isRecord(schema) ? schema : {};
  const definitions = { ...(isRecord(source.definitions) ? source.definitions : {}), ...(isRecord(source.$defs) ? source.$defs : {}) };
  const cleaned = clean(source, definitions, new Set());
  const root: Record<string, unknown> = isRecord(cleaned) ? cleaned : {};
  return { ...root, type: 'object', properties: isRecord(root.properties) ? root.properties : {} };
}

const droppedKeys = new Set(['$schema', '$id', '$comment', '$defs', 'definitions']);
const maxRefDepth = 8;

function clean(value: unknown, definitions: Record<string, unknown>, resolving: Set<string>): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map((item) => clean(item, definitions, resolving));
  if (!isRecord(value)) return value;
  if (typeof value.$ref === 'string') return inlineReference(value, definitions, resolving);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined || droppedKeys.has(key)) continue;
    if (key === 'properties' && isRecord(item)) {
      result.properties = Object.fromEntries(
        Object.entries(item).map(([name, property]) => [name, typeof property === 'boolean' || property === null ? {} : clean(property, definitions, resolving)]),
      );
      continue;
    }
    result[key] = clean(item, definitions, resolving);
  }
  if ('required' in result) {
    const properties = isRecord(result.properties) ? result.properties : {};
    const required = Array.isArray(result.required)
      ? result.required.filter((name): name is string => typeof name === 'string' && Object.hasOwn(properties, name))
      : [];
    if (required.length > 0) result.required = [...new Set(required)];
    else delete result.required;
  }
  return result;
}

function inlineReference(value: Record<string, unknown>, definitions: Record<string, unknown>, resolving: Set<string>): unknown {
  const reference = value.$ref as string;
  const name = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(reference)?.[1];
  const target = name === undefined ? undefined : definitions[decodeURIComponent(name)];
  const { $ref: _reference, ...siblings } = value;
  if (target === undefined || resolving.has(reference) || resolving.size >= maxRefDepth) return clean(siblings, definitions, resolving);
  const nested = new Set(resolving).add(reference);
  const resolved = clean(target, definitions, nested);
  return { ...(isRecord(resolved) ? resolved : {}), ...(clean(siblings, definitions, nested) as Record<string, unknown>) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
