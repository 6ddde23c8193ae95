import { abortReason, type ConcurrencyDecision, type ConcurrencyLimiter, type ConcurrencySlot } from './concurrency-limiter.js';

interface Waiter {
  grant(): void;
}

interface KeyState {
  active: number;
  limit: number;
  waiters: Waiter[];
}

/** Single-instance limiter: a counter and a FIFO queue per key, dropped when idle so the map stays small. */
export function createMemoryConcurrencyLimiter(options: { now?: () => number } = {}): ConcurrencyLimiter {
  const now = options.now ?? Date.now;
  const states = new Map<string, KeyState>();

  const stateOf = (key: string, limit: number): KeyState => {
    let state = states.get(key);
    if (!state) {
      state = { active: 0, limit, waiters: [] };
      states.set(key, state);
    }
    state.limit = limit;
    return state;
  };

  const drain = (key: string, state: KeyState) => {
    while (state.active < state.limit && state.waiters.length > 0) state.waiters.shift()!.grant();
    if (state.active === 0 && state.waiters.length === 0) states.delete(key);
  };

  const slotFor = (key: string, state: KeyState): ConcurrencySlot => {
    state.active += 1;
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        state.active -= 1;
        drain(key, state);
      },
    };
  };

  return {
    acquire({ key, limit, timeoutMs, signal, onWait }) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      const state = stateOf(key, limit);
      if (state.active < state.limit && state.waiters.length === 0) return Promise.resolve({ acquired: true, slot: slotFor(key, state) });
      if (timeoutMs <= 0) return Promise.resolve({ acquired: false, waitedMs: 0 });
      const startedAt = now();
      return new Promise<ConcurrencyDecision>((resolve, reject) => {
        const leave = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          const index = state.waiters.indexOf(waiter);
          if (index >= 0) state.waiters.splice(index, 1);
          drain(key, state);
        };
        const waiter: Waiter = {
          grant() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve({ acquired: true, slot: slotFor(key, state) });
          },
        };
        const onAbort = () => {
          leave();
          reject(abortReason(signal!));
        };
        const timer = setTimeout(() => {
          leave();
          resolve({ acquired: false, waitedMs: now() - startedAt });
        }, timeoutMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        state.waiters.push(waiter);
        onWait?.();
      });
    },
    async usage(key) {
      const state = states.get(key);
      return { active: state?.active ?? 0, waiting: state?.waiters.length ?? 0 };
    },
    async close() {
      states.clear();
    },
  };
}
