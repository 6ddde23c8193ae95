import { describe, expect, it } from 'vitest';
import { MemoryPoolState } from './state/memory-pool-state.js';
import { deriveSessionKey, prefixSessionKey, StickySessions, type SessionKeyInput } from './sticky-sessions.js';

const uuid = '3f1c9a52-7d4e-4b8a-9c2f-1e6d5b7a8c90';

const cases: Array<{ name: string; input: SessionKeyInput; expected: string | undefined }> = [
  {
    name: 'Claude Code JSON user_id → its session_id',
    input: { metadataUserId: JSON.stringify({ device_id: 'dev', account_uuid: 'acc', session_id: uuid }), headers: {} },
    expected: `session:${uuid}`,
  },
  {
    name: 'legacy Claude Code user_id string → the session uuid',
    input: { metadataUserId: `user_8a7b6c5d4e3f_account_1111-2222_session_${uuid}`, headers: {} },
    expected: `session:${uuid}`,
  },
  { name: 'other user_id string → the whole string', input: { metadataUserId: 'alice@example.com', headers: {} }, expected: 'user:alice@example.com' },
  { name: 'JSON user_id without session_id → the whole string', input: { metadataUserId: '{"device_id":"d"}', headers: {} }, expected: 'user:{"device_id":"d"}' },
  { name: 'broken JSON user_id → the whole string', input: { metadataUserId: '{not json', headers: {} }, expected: 'user:{not json' },
  {
    name: 'user_id wins over the header',
    input: { metadataUserId: `user_x_account_y_session_${uuid}`, headers: { 'x-claude-code-session-id': 'other' } },
    expected: `session:${uuid}`,
  },
  { name: 'header → same namespace as the JSON session id', input: { headers: { 'x-claude-code-session-id': uuid } }, expected: `session:${uuid}` },
  { name: 'header names are case-insensitive', input: { headers: { 'X-Claude-Code-Session-Id': 'abc' } }, expected: 'session:abc' },
  { name: 'prompt_cache_key', input: { headers: {}, promptCacheKey: 'conv-42' }, expected: 'cache:conv-42' },
  { name: 'blank values are ignored', input: { metadataUserId: '  ', headers: { 'x-claude-code-session-id': '' }, promptCacheKey: '' }, expected: undefined },
  { name: 'nothing → no key', input: { headers: {} }, expected: undefined },
];

describe('deriveSessionKey', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(deriveSessionKey(input)).toBe(expected);
  });

  it('gives a prefix hash a namespace of its own, and none to a request not worth pinning', () => {
    expect(prefixSessionKey('abc123')).toBe('prefix:abc123');
    expect(prefixSessionKey(undefined)).toBeUndefined();
  });

  it('hashes very long values', () => {
    const key = deriveSessionKey({ headers: {}, promptCacheKey: 'x'.repeat(5_000) });
    expect(key?.startsWith('cache:')).toBe(true);
    expect(key?.length).toBeLessThan(60);
  });
});

describe('StickySessions', () => {
  it('scopes mappings per client key', async () => {
    const sticky = new StickySessions(new MemoryPoolState());
    await sticky.remember('key-1', 'session:s', 'account-a', 60_000);
    expect(await sticky.lookup('key-1', 'session:s')).toBe('account-a');
    expect(await sticky.lookup('key-2', 'session:s')).toBeNull();
  });

  it('expires after the TTL, and a TTL of 0 pins nothing', async () => {
    let now = 1_000;
    const sticky = new StickySessions(new MemoryPoolState({ now: () => now }));
    await sticky.remember('k', 's', 'a', 5_000);
    now += 4_999;
    expect(await sticky.lookup('k', 's')).toBe('a');
    now += 2;
    expect(await sticky.lookup('k', 's')).toBeNull();
    await sticky.remember('k', 's2', 'a', 0);
    expect(await sticky.lookup('k', 's2')).toBeNull();
  });
});
