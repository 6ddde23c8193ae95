import type { CancelSignal } from '../core/cancel-signal.js';

/**
 * Settles with `work`, or rejects with the signal's reason as soon as it aborts, whichever comes
 * first. Some waits do not end on abort by themselves (undici keeps a call that is still queued for a
 * connection until it gets one), and a deadline must not wait for them. A value that arrives after
 * the abort is handed to `discard`, so what it holds (a response body, a stream) is released.
 */
export function raceAbort<T>(work: Promise<T>, signal: CancelSignal, discard: (late: T) => unknown): Promise<T> {
  if (signal.aborted) {
    void work.then(discard, () => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (settled) return void discard(value);
        settled = true;
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (settled) return;
        settled = true;
        reject(error as Error);
      },
    );
  });
}
