import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatRequest } from '../../../core/chat-request.js';

const hashCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../pool/hash-cached-prefix.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../pool/hash-cached-prefix.js')>();
  return {
    ...original,
    hashCachedPrefix: (request: ChatRequest) => {
      hashCalls.count += 1;
      return original.hashCachedPrefix(request);
    },
  };
});

const { sessionKeyOf } = await import('./client-request-facts.js');

const cachedRequest: ChatRequest = {
  model: 'claude-sonnet-4-5',
  system: [{ type: 'text', text: 'You are terse.', cacheControl: { type: 'ephemeral' } }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
  tools: [],
  stream: false,
};

describe('sessionKeyOf', () => {
  beforeEach(() => {
    hashCalls.count = 0;
  });

  it('names the session from metadata.user_id without hashing the prompt prefix', () => {
    const key = sessionKeyOf({ metadata: { user_id: 'user_abc_account_def_session_0123456789abcdef' } }, {}, cachedRequest);
    expect(key).toBe('session:0123456789abcdef');
    expect(hashCalls.count).toBe(0);
  });

  it('names the session from a header or prompt_cache_key without hashing either', () => {
    expect(sessionKeyOf({}, { 'x-claude-code-session-id': 'abc' }, cachedRequest)).toBe('session:abc');
    expect(sessionKeyOf({ prompt_cache_key: 'k1' }, {}, cachedRequest)).toBe('cache:k1');
    expect(hashCalls.count).toBe(0);
  });

  it('falls back to the prefix hash when nothing else names the session', () => {
    expect(sessionKeyOf({}, {}, cachedRequest)).toMatch(/^prefix:[\w-]{32}$/);
    expect(hashCalls.count).toBe(1);
  });
});
