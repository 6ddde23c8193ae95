import type { CancelSignal } from '../core/cancel-signal.js';

/** A held slot. `release` is idempotent: call it on every path (finally), as often as convenient. */
export interface ConcurrencySlot {
  release(): void;
}

export type ConcurrencyDecision = { acquired: true; slot: ConcurrencySlot } | { acquired: false; waitedMs: number };

export interface ConcurrencyRequest {
  /** Slots are counted under this key (e.g. `key:<id>`). */
  key: string;
  /** Slots that may be held at once; the latest caller's figure applies. */
  limit: number;
  /** How long a caller over the limit may wait in the queue; 0 = refuse at once. */
  timeoutMs: number;
  /** The caller left: stop waiting, give up the place in the queue, and throw the signal's reason. */
  signal?: CancelSignal;
  /** Called once, when the caller starts to wait (not when a slot is free at once). */
  onWait?: () => void;
}

/**
 * Caps work in flight per key. Callers over the limit wait in one first-come, first-served queue per
 * key (across instances with Redis) until a slot frees or their timeout passes.
 */
export interface ConcurrencyLimiter {
  acquire(request: ConcurrencyRequest): Promise<ConcurrencyDecision>;
  /** Slots held and callers waiting under a key (on this instance for memory, everywhere for Redis). */
  usage(key: string): Promise<{ active: number; waiting: number }>;
  close(): Promise<void>;
}

/** The reason to throw when a wait is cut short by the caller's signal. */
export function abortReason(signal: CancelSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
