import { describe, expect, it } from 'vitest';
import { FallbackPoolState } from './fallback-pool-state.js';
import { MemoryPoolState } from './memory-pool-state.js';
import type { PoolState } from './pool-state.js';

/** A shared store that fails every call while `down` is true, and otherwise behaves like memory. */
function flakyStore(): { state: PoolState; setDown(value: boolean): void } {
  const inner = new MemoryPoolState();
  let down = false;
  const state = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (down ? Promise.reject(new Error('Connection is closed.')) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  }) as PoolState;
  return { state, setDown: (value) => (down = value) };
}

describe('FallbackPoolState', () => {
  it('answers from local state while the shared store fails, and releases a local lease locally', async () => {
    const shared = flakyStore();
    const local = new MemoryPoolState();
    const fallbacks: string[] = [];
    const state = new FallbackPoolState(shared.state, local, (operation) => fallbacks.push(operation));
    const limits = { requestsPerMinute: null, maxConcurrency: 1 };
    shared.setDown(true);
    const lease = await state.tryAcquire('account', limits, 1000, 60_000);
    expect(lease.acquired).toBe(true);
    expect(await state.tryAcquire('account', limits, 1000, 60_000)).toMatchObject({ acquired: false, limit: 'concurrency' });
    expect(await state.nextCursor('scope')).toBeGreaterThanOrEqual(0);
    shared.setDown(false);
    // The store is back: the lease taken locally is still released where it lives.
    await state.releaseLease('account', (lease as { leaseId: string }).leaseId);
    expect(await local.tryAcquire('account', limits, 1000, 60_000)).toMatchObject({ acquired: true });
    expect(fallbacks).toEqual(['tryAcquire', 'tryAcquire', 'nextCursor']);
  });

  it('resets the failure count of a success where the count lives, whether the lease is shared or local', async () => {
    const shared = flakyStore();
    const local: PoolState = new MemoryPoolState();
    const state = new FallbackPoolState(shared.state, local);
    const limits = { requestsPerMinute: null, maxConcurrency: null };
    await state.recordFailure('account', 1000);
    const sharedLease = await state.tryAcquire('account', limits, 1000, 60_000);
    shared.setDown(true);
    await state.recordFailure('account', 1000);
    const localLease = await state.tryAcquire('account', limits, 1000, 60_000);
    // The store is still down: the shared lease will expire, the success resets the local count.
    await state.releaseLease('account', (sharedLease as { leaseId: string }).leaseId, true);
    expect(await local.recordFailure('account', 1000)).toBe(1);
    shared.setDown(false);
    // Back up: a local lease is released locally, and its success resets the shared count.
    await state.releaseLease('account', (localLease as { leaseId: string }).leaseId, true);
    expect(await shared.state.recordFailure('account', 1000)).toBe(1);
    expect((await local.usage([{ id: 'account', ...limits }], 1000))[0]?.inFlight).toBe(0);
  });

  it('goes local at once while the store is known to be disconnected', async () => {
    const shared = flakyStore();
    let calls = 0;
    const counting = new Proxy(shared.state, { get: (target, property) => ((calls += 1), Reflect.get(target, property)) }) as PoolState;
    const state = new FallbackPoolState(counting, new MemoryPoolState(), undefined, () => false);
    expect(await state.getSticky('key')).toBeNull();
    expect(calls).toBe(0);
  });
});
