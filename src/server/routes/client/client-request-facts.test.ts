import { describe, expect, it } from 'vitest';
import { sessionKeyOf } from './client-request-facts.js';

describe('sessionKeyOf', () => {
  it('names the session from metadata.user_id', () => {
    expect(sessionKeyOf({ metadata: { user_id: 'user_abc_account_def_session_0123456789abcdef' } }, {})).toBe('session:0123456789abcdef');
  });

  it('names the session from a header or prompt_cache_key', () => {
    expect(sessionKeyOf({}, { 'x-claude-code-session-id': 'abc' })).toBe('session:abc');
    expect(sessionKeyOf({ prompt_cache_key: 'k1' }, {})).toBe('cache:k1');
  });

  it('leaves a request that names no session to the pool (its prompt prefix, where there is a choice)', () => {
    expect(sessionKeyOf({ model: 'm', messages: [] }, {})).toBeUndefined();
  });
});
