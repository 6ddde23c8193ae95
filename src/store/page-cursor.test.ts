import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../core/errors/invalid-request-error.js';
import { decodePageCursor, encodePageCursor } from './page-cursor.js';

describe('page cursors', () => {
  it('give back the time and id they were made from', () => {
    expect(decodePageCursor(encodePageCursor(1_796_000_000_123, '0190a1b2-7c3d'))).toEqual([1_796_000_000_123, '0190a1b2-7c3d']);
  });

  it.each(['', 'not base64 json', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["1","x"]').toString('base64url')])(
    'refuse %j with a 400 naming the field',
    (cursor) => {
      expect(() => decodePageCursor(cursor)).toThrow(InvalidRequestError);
    },
  );
});
