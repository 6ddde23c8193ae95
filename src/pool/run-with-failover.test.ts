import { describe, expect, it } from 'vitest';
import {
  CredentialInvalidError,
  InvalidRequestError,
  NoAccountAvailableError,
  UpstreamRateLimitedError,
  UpstreamUnavailableError,
} from '../core/errors/index.js';
import type { AccountPool, Lease } from './account-pool.js';
import { runWithFailover } from './run-with-failover.js';
import { createTestPool } from './testing/create-test-pool.js';
import { makeAccount } from './testing/make-account.js';

const acquireFrom = (pool: AccountPool) => (exclude: ReadonlySet<string>, signal: AbortSignal) =>
  pool.acquire({ model: 'm', clientKeyId: 'k', exclude, signal });

describe('runWithFailover', () => {
  it('moves on after retryable errors, reporting each to the policy, and returns the held lease', async () => {
    const { pool, store } = createTestPool({ settings: { routing_strategy: 'priority' }, accounts: [makeAccount('a', { priority: 3 }), makeAccount('b', { priority: 2 }), makeAccount('c', { priority: 1 })] });
    const calls: string[] = [];
    const result = await runWithFailover({
      maxAttempts: 3,
      deadlineMs: 5_000,
      acquire: acquireFrom(pool),
      call: async (lease: Lease) => {
        calls.push(lease.account.id);
        if (lease.account.id === 'a') throw new UpstreamRateLimitedError('429', { retryAfterMs: 5_000 });
        if (lease.account.id === 'b') throw new CredentialInvalidError('revoked');
        return 'body';
      },
    });
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(result).toMatchObject({ value: 'body', attempts: 3 });
    expect(result.lease.account.id).toBe('c');
    expect(store.get('a')?.status).toBe('cooling');
    expect(store.get('b')?.status).toBe('disabled');
    expect((await pool.liveState('c')).in_flight).toBe(1);
    await result.lease.release({ ok: true });
    expect((await pool.liveState('c')).in_flight).toBe(0);
  });

  it('stops at once on a non-retryable error, without penalty', async () => {
    const { pool, store } = createTestPool({ accounts: [makeAccount('a'), makeAccount('b')] });
    let calls = 0;
    const run = runWithFailover({
      maxAttempts: 3,
      deadlineMs: 5_000,
      acquire: acquireFrom(pool),
      call: async () => {
        calls += 1;
        throw new InvalidRequestError('bad');
      },
    });
    await expect(run).rejects.toBeInstanceOf(InvalidRequestError);
    expect(calls).toBe(1);
    expect(store.updates).toHaveLength(0);
    expect((await pool.liveState('a')).in_flight + (await pool.liveState('b')).in_flight).toBe(0);
  });

  it('gives up after maxAttempts with the last upstream error', async () => {
    const { pool } = createTestPool({ accounts: [makeAccount('a'), makeAccount('b'), makeAccount('c')] });
    let calls = 0;
    const run = runWithFailover({
      maxAttempts: 2,
      deadlineMs: 5_000,
      acquire: acquireFrom(pool),
      call: async () => {
        calls += 1;
        throw new UpstreamUnavailableError(`down ${calls}`);
      },
    });
    await expect(run).rejects.toThrow('down 2');
    expect(calls).toBe(2);
  });

  it('throws the last upstream error, not "no account", when the pool runs dry', async () => {
    const { pool } = createTestPool({ accounts: [makeAccount('a')] });
    const run = runWithFailover({
      maxAttempts: 3,
      deadlineMs: 5_000,
      acquire: acquireFrom(pool),
      call: async () => {
        throw new UpstreamRateLimitedError('upstream says 429', { retryAfterMs: 1_000 });
      },
    });
    await expect(run).rejects.toBeInstanceOf(UpstreamRateLimitedError);
  });

  it('passes the acquire error through when no attempt was made', async () => {
    const { pool } = createTestPool({ accounts: [] });
    const run = runWithFailover({ maxAttempts: 3, deadlineMs: 5_000, acquire: acquireFrom(pool), call: async () => 'never' });
    await expect(run).rejects.toBeInstanceOf(NoAccountAvailableError);
  });

  it('turns a first-byte deadline into a timeout and pauses that account', async () => {
    const { pool, store } = createTestPool({ accounts: [makeAccount('a')] });
    const run = runWithFailover({
      maxAttempts: 3,
      deadlineMs: 50,
      acquire: acquireFrom(pool),
      call: (_lease, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
    });
    await expect(run).rejects.toMatchObject({ kind: 'timeout', status: 504 });
    expect(store.get('a')?.status).toBe('cooling');
  });

  it('penalises nobody when the client aborts', async () => {
    const { pool, store } = createTestPool({ accounts: [makeAccount('a')] });
    const controller = new AbortController();
    const run = runWithFailover({
      maxAttempts: 3,
      deadlineMs: 5_000,
      signal: controller.signal,
      acquire: acquireFrom(pool),
      call: (_lease, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          setTimeout(() => controller.abort(), 20);
        }),
    });
    await expect(run).rejects.toThrow();
    expect(store.updates).toHaveLength(0);
    expect((await pool.liveState('a')).in_flight).toBe(0);
  });
});
