import { describe, expect, it } from 'vitest';
import { MemoryPoolState } from './memory-pool-state.js';
import { poolStateContract } from './pool-state-contract.js';

describe('MemoryPoolState', () => {
  poolStateContract(() => new MemoryPoolState());

  it('bounds the sticky map, dropping the oldest entry', async () => {
    const state = new MemoryPoolState({ maxStickyEntries: 2 });
    await state.setSticky('one', 'a', 60_000);
    await state.setSticky('two', 'b', 60_000);
    await state.setSticky('three', 'c', 60_000);
    expect(await state.getSticky('one')).toBeNull();
    expect(await state.getSticky('three')).toBe('c');
  });

  it('bounds the remembered request times of unlimited accounts', async () => {
    const state = new MemoryPoolState({ maxRpmEntries: 5 });
    const limits = { requestsPerMinute: null, maxConcurrency: null };
    for (let index = 0; index < 20; index += 1) await state.tryAcquire('a', limits, 1_000 + index, 60_000);
    expect((await state.usage([{ id: 'a', ...limits }], 1_100))[0]?.rpmNow).toBe(5);
  });

  it('expires each lease at its own time, renewed or not, however the leases were taken', async () => {
    const state = new MemoryPoolState();
    const limits = { requestsPerMinute: null, maxConcurrency: 10 };
    const inFlight = async (at: number) => (await state.usage([{ id: 'a', ...limits }], at))[0]?.inFlight;
    const first = await state.tryAcquire('a', limits, 0, 1_000);
    const second = await state.tryAcquire('a', limits, 500, 1_000);
    if (!first.acquired || !second.acquired) throw new Error('expected two leases');
    await state.renewLease('a', first.leaseId, 900, 5_000); // now held until 5,900
    expect(await inFlight(999)).toBe(2);
    expect(await inFlight(1_500)).toBe(1); // the second (until 1,500) is gone, the renewed first stays
    expect(await inFlight(5_899)).toBe(1);
    await state.tryAcquire('a', limits, 5_000, 100); // expires before the renewed one
    expect(await inFlight(5_050)).toBe(2);
    expect(await inFlight(5_100)).toBe(1);
    expect(await inFlight(5_900)).toBe(0);
  });

  it('a waiter resolves on timeout or abort without a release', async () => {
    const state = new MemoryPoolState();
    const started = Date.now();
    await state.waitForRelease(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const controller = new AbortController();
    const waiting = state.waitForRelease(10_000, controller.signal);
    controller.abort();
    await waiting;
  });
});
