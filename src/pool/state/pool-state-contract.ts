import { expect, it } from 'vitest';
import type { PoolState } from './pool-state.js';

const unlimited = { requestsPerMinute: null, maxConcurrency: null };
const sleep = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Behaviour every PoolState backend must share; run by each backend's test file. */
export function poolStateContract(createState: () => Promise<PoolState> | PoolState): void {
  const t0 = 1_700_000_000_000;

  it('counts requests in a sliding 60 s window and refuses past the RPM limit', async () => {
    const state = await createState();
    const limits = { requestsPerMinute: 2, maxConcurrency: null };
    expect((await state.tryAcquire('a', limits, t0, 60_000)).acquired).toBe(true);
    expect((await state.tryAcquire('a', limits, t0 + 10_000, 60_000)).acquired).toBe(true);
    const refused = await state.tryAcquire('a', limits, t0 + 20_000, 60_000);
    expect(refused).toEqual({ acquired: false, limit: 'rpm', retryAfterMs: 40_000 });
    const [usage] = await state.usage([{ id: 'a', ...limits }], t0 + 20_000);
    expect(usage).toMatchObject({ rpmNow: 2, inFlight: 2, retryAfterMs: 40_000 });
    expect((await state.tryAcquire('a', limits, t0 + 60_001, 60_000)).acquired).toBe(true);
    expect((await state.tryAcquire('a', limits, t0 + 60_002, 60_000)).acquired).toBe(false);
  });

  it('caps concurrency; a release frees the slot', async () => {
    const state = await createState();
    const limits = { requestsPerMinute: null, maxConcurrency: 1 };
    const first = await state.tryAcquire('b', limits, t0, 60_000);
    expect(first.acquired).toBe(true);
    expect(await state.tryAcquire('b', limits, t0 + 1, 60_000)).toMatchObject({ acquired: false, limit: 'concurrency' });
    if (first.acquired) await state.releaseLease('b', first.leaseId);
    expect((await state.tryAcquire('b', limits, t0 + 2, 60_000)).acquired).toBe(true);
  });

  it('expires leases after their TTL unless renewed', async () => {
    const state = await createState();
    const limits = { requestsPerMinute: null, maxConcurrency: 1 };
    const lease = await state.tryAcquire('c', limits, t0, 1_000);
    if (!lease.acquired) throw new Error('expected a lease');
    await state.renewLease('c', lease.leaseId, t0 + 900, 1_000);
    expect((await state.tryAcquire('c', limits, t0 + 1_500, 1_000)).acquired).toBe(false);
    expect((await state.tryAcquire('c', limits, t0 + 1_901, 1_000)).acquired).toBe(true);
  });

  it('reports usage for several accounts in the order asked, unlimited ones never limited', async () => {
    const state = await createState();
    await state.tryAcquire('d1', unlimited, t0, 60_000);
    await state.tryAcquire('d1', unlimited, t0, 60_000);
    await state.tryAcquire('d3', { requestsPerMinute: 1, maxConcurrency: null }, t0, 60_000);
    const usage = await state.usage(
      [
        { id: 'd2', ...unlimited },
        { id: 'd3', requestsPerMinute: 1, maxConcurrency: null },
        { id: 'd1', ...unlimited },
      ],
      t0 + 1,
    );
    expect(usage).toEqual([
      { rpmNow: 0, inFlight: 0, cooldownUntil: null, retryAfterMs: null },
      { rpmNow: 1, inFlight: 1, cooldownUntil: null, retryAfterMs: 59_999 },
      { rpmNow: 2, inFlight: 2, cooldownUntil: null, retryAfterMs: null },
    ]);
    expect(await state.usage([], t0)).toEqual([]);
  });

  it('counts consecutive failures until reset', async () => {
    const state = await createState();
    expect(await state.recordFailure('e', t0)).toBe(1);
    expect(await state.recordFailure('e', t0)).toBe(2);
    await state.resetFailures('e');
    expect(await state.recordFailure('e', t0)).toBe(1);
  });

  it('resets the failure count with the release of a success, not of a failure', async () => {
    const state = await createState();
    await state.recordFailure('e2', t0);
    const failed = await state.tryAcquire('e2', unlimited, Date.now(), 60_000);
    if (!failed.acquired) throw new Error('expected a lease');
    await state.releaseLease('e2', failed.leaseId);
    expect(await state.recordFailure('e2', t0)).toBe(2);
    const served = await state.tryAcquire('e2', unlimited, Date.now(), 60_000);
    if (!served.acquired) throw new Error('expected a lease');
    await state.releaseLease('e2', served.leaseId, true);
    expect((await state.usage([{ id: 'e2', ...unlimited }], Date.now()))[0]?.inFlight).toBe(0);
    expect(await state.recordFailure('e2', t0)).toBe(1);
  });

  it('keeps a cooldown until it passes or is cleared', async () => {
    const state = await createState();
    const now = Date.now();
    await state.setCooldown('f', now + 60_000, now);
    expect((await state.usage([{ id: 'f', ...unlimited }], now))[0]?.cooldownUntil).toBe(now + 60_000);
    expect((await state.usage([{ id: 'f', ...unlimited }], now + 60_001))[0]?.cooldownUntil).toBeNull();
    await state.setCooldown('f', null, now);
    expect((await state.usage([{ id: 'f', ...unlimited }], now))[0]?.cooldownUntil).toBeNull();
  });

  it('hands out a growing cursor per scope', async () => {
    const state = await createState();
    const first = await state.nextCursor('rr');
    expect(await state.nextCursor('rr')).toBe(first + 1);
  });

  it('reads usage and moves the cursor on in one step', async () => {
    const state = await createState();
    const now = Date.now();
    await state.tryAcquire('h', unlimited, now, 60_000);
    const first = await state.nextCursor('rr-usage');
    const read = await state.usageWithCursor([{ id: 'h', ...unlimited }, { id: 'h2', ...unlimited }], now, 'rr-usage');
    expect(read.cursor).toBe(first + 1);
    expect(read.usage).toEqual(await state.usage([{ id: 'h', ...unlimited }, { id: 'h2', ...unlimited }], now));
    expect(read.usage.map((usage) => usage.inFlight)).toEqual([1, 0]);
    expect(await state.nextCursor('rr-usage')).toBe(first + 2);
  });

  it('remembers sticky mappings for their TTL', async () => {
    const state = await createState();
    await state.setSticky('k1', 'acc-1', 80);
    expect(await state.getSticky('k1')).toBe('acc-1');
    await state.setSticky('k1', 'acc-2', 80);
    expect(await state.getSticky('k1')).toBe('acc-2');
    await sleep(120);
    expect(await state.getSticky('k1')).toBeNull();
    await state.setSticky('k2', 'acc-1', 10_000);
    await state.deleteSticky('k2');
    expect(await state.getSticky('k2')).toBeNull();
  });

  it('restarts a sticky mapping’s TTL when it is read with a refresh, and creates none', async () => {
    const state = await createState();
    await state.setSticky('k3', 'acc-3', 300);
    await sleep(100);
    expect(await state.getSticky('k3', 10_000)).toBe('acc-3');
    await sleep(250);
    // Past the first TTL: the read restarted it.
    expect(await state.getSticky('k3')).toBe('acc-3');
    expect(await state.getSticky('k4', 10_000)).toBeNull();
    expect(await state.getSticky('k4')).toBeNull();
  });

  it('wakes a waiter on release', async () => {
    const state = await createState();
    const lease = await state.tryAcquire('g', unlimited, Date.now(), 60_000);
    if (!lease.acquired) throw new Error('expected a lease');
    const started = Date.now();
    const waiting = state.waitForRelease(5_000);
    await state.releaseLease('g', lease.leaseId);
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
}
