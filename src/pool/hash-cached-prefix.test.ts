import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../core/chat-request.js';
import { hashCachedPrefix } from './hash-cached-prefix.js';
import { hasSignedThinking } from './has-signed-thinking.js';

const request = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'claude-sonnet-4.5',
  system: [{ type: 'text', text: 'You are helpful.' }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
  tools: [],
  stream: true,
  ...overrides,
});

describe('hashCachedPrefix', () => {
  it('skips short requests without cache_control', () => {
    expect(hashCachedPrefix(request())).toBeUndefined();
  });

  it('hashes requests with cache_control, the same prefix giving the same hash whatever follows', () => {
    const cached = request({ system: [{ type: 'text', text: 'Big system prompt', cacheControl: { type: 'ephemeral' } }] });
    const later: ChatRequest = {
      ...cached,
      messages: [...cached.messages, { role: 'assistant', content: [{ type: 'text', text: 'hello' }] }],
    };
    const hash = hashCachedPrefix(cached);
    expect(hash).toMatch(/^[\w-]{32}$/);
    expect(hashCachedPrefix(later)).toBe(hash);
    expect(hashCachedPrefix({ ...cached, system: [{ type: 'text', text: 'Other', cacheControl: { type: 'ephemeral' } }] })).not.toBe(hash);
  });

  it('hashes long requests even without cache_control', () => {
    expect(hashCachedPrefix(request({ system: [{ type: 'text', text: 'x'.repeat(10_000) }] }))).toBeDefined();
  });
});

describe('hasSignedThinking', () => {
  it('is true only for signed or redacted reasoning in assistant turns', () => {
    expect(hasSignedThinking(request())).toBe(false);
    const unsigned = request({ messages: [{ role: 'assistant', content: [{ type: 'reasoning', text: 'hmm' }] }] });
    expect(hasSignedThinking(unsigned)).toBe(false);
    const signed = request({ messages: [{ role: 'assistant', content: [{ type: 'reasoning', text: 'hmm', signature: 'sig' }] }] });
    expect(hasSignedThinking(signed)).toBe(true);
    const redacted = request({ messages: [{ role: 'assistant', content: [{ type: 'redacted-reasoning', data: 'opaque' }] }] });
    expect(hasSignedThinking(redacted)).toBe(true);
  });
});
