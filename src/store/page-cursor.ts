import { InvalidRequestError } from '../core/errors/invalid-request-error.js';

/**
 * The opaque `next_cursor` of a newest-first listing: the last row's time and id, so the next page
 * starts strictly after it even when several rows share a millisecond.
 */
export const encodePageCursor = (createdAt: number, id: string): string => Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

/** The time and id a cursor names; a 400 naming `cursor` when it is not one this API gave out. */
export function decodePageCursor(cursor: string): [number, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // reported below
  }
  throw new InvalidRequestError('cursor is not valid; use next_cursor from the previous page.', { field: 'cursor' });
}
