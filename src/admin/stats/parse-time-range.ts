import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';

/** Parses an ISO 8601 time (or epoch milliseconds) from a query parameter, naming the field when invalid. */
export function parseQueryTime(value: string | undefined, field: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const time = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(time)) throw new InvalidRequestError(`${field}: expected an ISO 8601 time such as 2026-01-31T00:00:00Z.`, { field });
  return time;
}

/** from/to with defaults: `to` is now, `from` is `defaultSpanMs` before `to`. */
export function parseTimeRange(query: { from?: string; to?: string }, now: number, defaultSpanMs: number): { from: number; to: number } {
  const to = parseQueryTime(query.to, 'to') ?? now;
  const from = parseQueryTime(query.from, 'from') ?? to - defaultSpanMs;
  if (to <= from) throw new InvalidRequestError('to must be after from.', { field: 'to' });
  return { from, to };
}
