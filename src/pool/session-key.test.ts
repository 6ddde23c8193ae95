import { describe, expect, it, vi } from 'vitest';
import type { ChatRequest } from '../core/chat-request.js';
import { PrefixSessionKey, sessionKeyToPin, upstreamSessionId } from './session-key.js';

const cachedRequest: ChatRequest = {
  model: 'claude-sonnet-4-5',
  system: [{ type: 'text', text: 'You are terse.', cacheControl: { type: 'ephemeral' } }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
  tools: [],
  stream: false,
};

describe('PrefixSessionKey', () => {
  it('reads the request and hashes its prefix once, when first asked', () => {
    const read = vi.fn(() => cachedRequest);
    const key = new PrefixSessionKey(read);
    expect(read).not.toHaveBeenCalled();
    expect(key.get()).toMatch(/^prefix:[\w-]{32}$/);
    expect(key.get()).toBe(key.get());
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('gives no key for a short request without cache_control', () => {
    const short: ChatRequest = { ...cachedRequest, system: [{ type: 'text', text: 'You are terse.' }] };
    expect(new PrefixSessionKey(() => short).get()).toBeUndefined();
  });
});

describe('sessionKeyToPin', () => {
  it('pins by a named session whatever the pool', () => {
    expect(sessionKeyToPin('session:abc', 1)).toBe('session:abc');
    expect(sessionKeyToPin(undefined, 3)).toBeUndefined();
  });

  it('computes a prefix key only where there are accounts to choose between', () => {
    const read = vi.fn(() => cachedRequest);
    const key = new PrefixSessionKey(read);
    expect(sessionKeyToPin(key, 1)).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
    expect(sessionKeyToPin(key, 2)).toMatch(/^prefix:/);
  });
});

describe('upstreamSessionId', () => {
  it('is the session id the client named, and nothing the gateway derived', () => {
    expect(upstreamSessionId('session:6f1c2a9e-1b3d-4e5f-8a7b-9c0d1e2f3a4b')).toBe('6f1c2a9e-1b3d-4e5f-8a7b-9c0d1e2f3a4b');
    expect(upstreamSessionId('user:alice@example.com')).toBeUndefined();
    expect(upstreamSessionId('cache:conv-1')).toBeUndefined();
    expect(upstreamSessionId(new PrefixSessionKey(() => cachedRequest))).toBeUndefined();
    expect(upstreamSessionId(undefined)).toBeUndefined();
  });
});
