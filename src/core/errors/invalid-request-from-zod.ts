import type { z } from 'zod';
import { InvalidRequestError } from './invalid-request-error.js';

/** A 400 naming the first bad field, e.g. `requests_per_minute: Invalid input: expected number, received string`. */
export function invalidRequestFromZod(error: z.ZodError, prefix?: string): InvalidRequestError {
  const issue = error.issues[0];
  if (!issue) return new InvalidRequestError('Invalid request.');
  const pathParts = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) pathParts.push(issue.keys.join(', '));
  const field = [prefix, ...pathParts].filter((part): part is string => Boolean(part)).join('.');
  const message =
    issue.code === 'unrecognized_keys'
      ? 'unknown field'
      : issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
        ? `required (${issue.expected})`
        : issue.message;
  return new InvalidRequestError(field ? `${field}: ${message}` : message, { field: field || undefined });
}
