import { describe, expect, it, vi } from 'vitest';
import { UpstreamRateLimitedError } from '../core/errors/index.js';
import type { AcquireInput } from './account-pool.js';
import { createTestPool } from './testing/create-test-pool.js';
import { FakeClock } from './testing/fake-clock.js';
import { makeAccount } from './testing/make-account.js';
import type { ChatRequest } from '../core/chat-request.js';
import { PrefixSessionKey } from './session-key.js';

const session = (overrides: Partial<AcquireInput> = {}): AcquireInput => ({
  model: 'm',
  clientKeyId: 'key-1',
  sessionKey: 'session:abc',
  ...overrides,
});

/** Long enough a system prompt to be pinned by its prefix (see hashCachedPrefix). */
const prefixed: ChatRequest = { model: 'm', system: [{ type: 'text', text: 'x'.repeat(9_000) }], messages: [], tools: [], stream: false };

describe('AccountPool sticky sessions', () => {
  it('keeps a session on its account while round robin would move it, writing the mapping only once', async () => {
    const { pool, state } = createTestPool({ accounts: [makeAccount('a'), makeAccount('b'), makeAccount('c')] });
    const writes = vi.spyOn(state, 'setSticky');
    const first = await pool.acquire(session());
    await first.release({ ok: true });
    expect(first.sticky).toBe('new');
    for (let turn = 0; turn < 5; turn += 1) {
      const lease = await pool.acquire(session());
      await lease.release({ ok: true });
      expect(lease.account.id).toBe(first.account.id);
      expect(lease.sticky).toBe('hit');
    }
    // Each hit restarted the TTL as it read the mapping (a round trip fewer with Redis).
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it('scopes sessions per client key', async () => {
    const { pool } = createTestPool({ accounts: [makeAccount('a'), makeAccount('b')] });
    const mine = await pool.acquire(session());
    const theirs = await pool.acquire(session({ clientKeyId: 'key-2' }));
    expect(theirs.sticky).toBe('new');
    expect(theirs.account.id).not.toBe(mine.account.id);
  });

  it('expires the mapping after sticky_session_ttl_seconds', async () => {
    const clock = new FakeClock();
    const { pool } = createTestPool({ now: clock.now, settings: { sticky_session_ttl_seconds: 60 }, accounts: [makeAccount('a'), makeAccount('b')] });
    await (await pool.acquire(session())).release({ ok: true });
    clock.advance(30_000);
    expect((await pool.acquire(session())).sticky).toBe('hit');
    clock.advance(59_000);
    expect((await pool.acquire(session())).sticky).toBe('hit');
    clock.advance(60_001);
    expect((await pool.acquire(session())).sticky).toBe('new');
  });

  it('serves elsewhere during a short cooldown without re-mapping, then returns', async () => {
    const clock = new FakeClock();
    const { pool } = createTestPool({ now: clock.now, accounts: [makeAccount('a'), makeAccount('b')] });
    const first = await pool.acquire(session());
    const home = first.account.id;
    await first.release({ ok: false, error: new UpstreamRateLimitedError('429', { retryAfterMs: 5_000 }) });
    const during = await pool.acquire(session());
    await during.release({ ok: true });
    expect(during.account.id).not.toBe(home);
    expect(during.sticky).toBe('temporary');
    clock.advance(5_000);
    const after = await pool.acquire(session());
    expect(after.account.id).toBe(home);
    expect(after.sticky).toBe('hit');
  });

  it('re-maps the session when its account is out for long', async () => {
    const clock = new FakeClock();
    const { pool } = createTestPool({ now: clock.now, accounts: [makeAccount('a'), makeAccount('b')] });
    const first = await pool.acquire(session());
    const home = first.account.id;
    await first.release({ ok: false, error: new UpstreamRateLimitedError('429', { retryAfterMs: 120_000 }) });
    const moved = await pool.acquire(session());
    await moved.release({ ok: true });
    expect(moved.sticky).toBe('moved');
    clock.advance(120_000);
    const later = await pool.acquire(session());
    expect(later.account.id).toBe(moved.account.id);
    expect(later.account.id).not.toBe(home);
  });

  it('uses another account without re-mapping when the pinned one is at its concurrency cap', async () => {
    const { pool } = createTestPool({ accounts: [makeAccount('a', { maxConcurrency: 1 }), makeAccount('b', { maxConcurrency: 1 })] });
    const first = await pool.acquire(session());
    const second = await pool.acquire(session());
    expect(second.account.id).not.toBe(first.account.id);
    expect(second.sticky).toBe('temporary');
    await first.release({ ok: true });
    await second.release({ ok: true });
    expect((await pool.acquire(session())).account.id).toBe(first.account.id);
  });

  it('keeps the mapping when its account failed this request (failover), and comes back after', async () => {
    const { pool } = createTestPool({ accounts: [makeAccount('a'), makeAccount('b')] });
    const first = await pool.acquire(session());
    await first.release({ ok: true });
    const retry = await pool.acquire(session({ exclude: new Set([first.account.id]) }));
    await retry.release({ ok: true });
    expect(retry.sticky).toBe('temporary');
    expect((await pool.acquire(session())).account.id).toBe(first.account.id);
  });

  it('waits for the pinned account of a signed-thinking conversation instead of moving', async () => {
    const { pool } = createTestPool({
      options: { signedThinkingWaitMs: 2_000 },
      accounts: [makeAccount('a', { maxConcurrency: 1 }), makeAccount('b', { maxConcurrency: 1 })],
    });
    const first = await pool.acquire(session());
    setTimeout(() => void first.release({ ok: true }), 60);
    const second = await pool.acquire(session({ hasSignedThinking: true }));
    expect(second.account.id).toBe(first.account.id);
    expect(second.sticky).toBe('hit');
  });

  it('moves a signed-thinking conversation (and re-maps it) when its account stays busy', async () => {
    const { pool } = createTestPool({
      options: { signedThinkingWaitMs: 100 },
      accounts: [makeAccount('a', { maxConcurrency: 1 }), makeAccount('b', { maxConcurrency: 1 })],
    });
    const first = await pool.acquire(session());
    const second = await pool.acquire(session({ hasSignedThinking: true }));
    expect(second.account.id).not.toBe(first.account.id);
    expect(second.sticky).toBe('moved');
    await first.release({ ok: true });
    await second.release({ ok: true });
    expect((await pool.acquire(session())).account.id).toBe(second.account.id);
  });

  it('pins nothing when sticky_session_ttl_seconds is 0', async () => {
    const { pool } = createTestPool({ settings: { sticky_session_ttl_seconds: 0 }, accounts: [makeAccount('a'), makeAccount('b')] });
    const lease = await pool.acquire(session());
    expect(lease.sticky).toBe('none');
  });

  it('pins by the prompt prefix only where accounts serving the model give a choice, hashing it once', async () => {
    const read = vi.fn(() => prefixed);
    const alone = createTestPool({ accounts: [makeAccount('a'), makeAccount('other', { models: ['n'] })] });
    const aloneWrites = vi.spyOn(alone.state, 'setSticky');
    const onlyOne = await alone.pool.acquire(session({ sessionKey: new PrefixSessionKey(read) }));
    expect(onlyOne.sticky).toBe('none');
    expect(read).not.toHaveBeenCalled();
    expect(aloneWrites).not.toHaveBeenCalled();

    const { pool } = createTestPool({ accounts: [makeAccount('a'), makeAccount('b')] });
    const key = new PrefixSessionKey(read);
    const first = await pool.acquire(session({ sessionKey: key }));
    await first.release({ ok: true });
    const again = await pool.acquire(session({ sessionKey: key }));
    expect([first.sticky, again.sticky]).toEqual(['new', 'hit']);
    expect(again.account.id).toBe(first.account.id);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
