import { randomUUID } from 'node:crypto';

/**
 * A UUID of version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then random bits. Ids made
 * one after another sort by time, so rows keyed by them are appended at the end of an index
 * instead of landing at random places in it (the request log's primary key, written for every request).
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  const time = Math.max(0, Math.min(Math.floor(now), 2 ** 48 - 1)).toString(16).padStart(12, '0');
  // A version 4 UUID gives the random bits and the variant; its first 48 bits and version digit are replaced.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`;
}
