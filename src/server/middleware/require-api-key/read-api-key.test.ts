import { describe, expect, it } from 'vitest';
import { readApiKey } from './read-api-key.js';

describe('readApiKey', () => {
  it('reads a bearer token or x-api-key, bearer first', () => {
    expect(readApiKey({ authorization: 'Bearer amq-abc' })).toBe('amq-abc');
    expect(readApiKey({ authorization: 'bearer   amq-abc ' })).toBe('amq-abc');
    expect(readApiKey({ xApiKey: ' amq-xyz ' })).toBe('amq-xyz');
    expect(readApiKey({ authorization: 'Bearer amq-abc', xApiKey: 'amq-xyz' })).toBe('amq-abc');
  });

  it('ignores other schemes and empty values', () => {
    expect(readApiKey({ authorization: 'Basic dXNlcjpwYXNz' })).toBeUndefined();
    expect(readApiKey({ authorization: 'Basic dXNlcjpwYXNz', xApiKey: 'amq-x' })).toBe('amq-x');
    expect(readApiKey({ xApiKey: '' })).toBeUndefined();
    expect(readApiKey({})).toBeUndefined();
  });
});
