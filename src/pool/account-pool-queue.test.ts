import { describe, expect, it } from 'vitest';
import { NoAccountAvailableError, RateLimitedError } from '../core/errors/index.js';
import { createTestPool } from './testing/create-test-pool.js';
import { makeAccount } from './testing/make-account.js';

describe('AccountPool queueing (settings.queue_timeout_ms)', () => {
  it('with 0 answers at once', async () => {
    const { pool } = createTestPool({ accounts: [makeAccount('a', { maxConcurrency: 1 })] });
    await pool.acquire({ model: 'm', clientKeyId: 'k' });
    const started = Date.now();
    await expect(pool.acquire({ model: 'm', clientKeyId: 'k' })).rejects.toBeInstanceOf(RateLimitedError);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('waits for a released slot and gets it as soon as it frees', async () => {
    const { pool } = createTestPool({ settings: { queue_timeout_ms: 5_000 }, accounts: [makeAccount('a', { maxConcurrency: 1 })] });
    const held = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    const started = Date.now();
    const waiting = pool.acquire({ model: 'm', clientKeyId: 'k' });
    setTimeout(() => void held.release({ ok: true }), 50);
    const lease = await waiting;
    expect(lease.account.id).toBe('a');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('tells a request once when it starts to wait for an account, however often it looks again', async () => {
    const { pool } = createTestPool({ settings: { queue_timeout_ms: 5_000 }, accounts: [makeAccount('a', { maxConcurrency: 1 })], options: { pollIntervalMs: 5 } });
    const waits: string[] = [];
    const held = await pool.acquire({ model: 'm', clientKeyId: 'k', onWait: () => waits.push('first') });
    const waiting = pool.acquire({ model: 'm', clientKeyId: 'k', onWait: () => waits.push('second') });
    setTimeout(() => void held.release({ ok: true }), 60);
    await waiting;
    expect(waits).toEqual(['second']);
  });

  it('gives up with 429 when nothing frees within the timeout', async () => {
    const { pool } = createTestPool({ settings: { queue_timeout_ms: 150 }, accounts: [makeAccount('a', { maxConcurrency: 1 })] });
    await pool.acquire({ model: 'm', clientKeyId: 'k' });
    const started = Date.now();
    const error = await pool.acquire({ model: 'm', clientKeyId: 'k' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('does not wait for a cooldown that ends after the timeout', async () => {
    const { pool } = createTestPool({
      settings: { queue_timeout_ms: 5_000 },
      accounts: [makeAccount('a', { status: 'cooling', cooldownUntil: Date.now() + 60_000 })],
    });
    const started = Date.now();
    await expect(pool.acquire({ model: 'm', clientKeyId: 'k' })).rejects.toBeInstanceOf(NoAccountAvailableError);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('waits for a cooldown that ends within the timeout', async () => {
    const { pool } = createTestPool({
      settings: { queue_timeout_ms: 2_000 },
      accounts: [makeAccount('a', { status: 'cooling', cooldownUntil: Date.now() + 100 })],
    });
    const lease = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    expect(lease.account.id).toBe('a');
  });

  it('a session waits for its busy pinned account like any other request', async () => {
    const { pool } = createTestPool({ settings: { queue_timeout_ms: 500 }, accounts: [makeAccount('a', { maxConcurrency: 1 })] });
    const held = await pool.acquire({ model: 'm', clientKeyId: 'k', sessionKey: 'session:s' });
    setTimeout(() => void held.release({ ok: true }), 50);
    const lease = await pool.acquire({ model: 'm', clientKeyId: 'k', sessionKey: 'session:s' });
    expect(lease.sticky).toBe('hit');
  });

  it('stops waiting when the client aborts', async () => {
    const { pool } = createTestPool({ settings: { queue_timeout_ms: 10_000 }, accounts: [makeAccount('a', { maxConcurrency: 1 })] });
    await pool.acquire({ model: 'm', clientKeyId: 'k' });
    const controller = new AbortController();
    const waiting = pool.acquire({ model: 'm', clientKeyId: 'k', signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    await expect(waiting).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('serves queued requests up to the concurrency cap and never beyond', async () => {
    const { pool } = createTestPool({ settings: { queue_timeout_ms: 10_000 }, accounts: [makeAccount('a', { maxConcurrency: 2 })] });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const lease = await pool.acquire({ model: 'm', clientKeyId: 'k' });
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        inFlight -= 1;
        await lease.release({ ok: true });
      }),
    );
    expect(peak).toBe(2);
  });
});
