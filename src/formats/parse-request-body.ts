import type { z } from 'zod';
import { InvalidRequestError } from '../core/errors/invalid-request-error.js';

/** `['messages', 3, 'content']` → `messages[3].content`, the way API error messages name a field. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** Zod says only "Invalid input" for a failed union; name the accepted types instead. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_union') return issue.message;
  const expected = issue.errors.flatMap((branch) =>
    branch.flatMap((inner) => (inner.code === 'invalid_type' && inner.path.length === 0 ? [inner.expected] : [])),
  );
  return expected.length > 0 ? `expected ${[...new Set(expected)].join(' or ')}` : issue.message;
}

/**
 * Parses client JSON with a zod schema. On failure throws a 400 naming the first bad field;
 * `basePath` prefixes the field when a nested value is parsed on its own.
 */
export function parseRequestBody<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  basePath: ReadonlyArray<PropertyKey> = [],
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = formatFieldPath([...basePath, ...(issue?.path ?? [])]);
  const reason = issue ? describeIssue(issue) : 'invalid value';
  throw new InvalidRequestError(field === '' ? `Invalid request body: ${reason}` : `${field}: ${reason}`, { field: field || undefined });
}
