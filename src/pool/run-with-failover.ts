import { UpstreamUnavailableError, isGatewayError } from '../core/errors/index.js';
import type { Lease } from './account-pool.js';

export interface FailoverOptions<T> {
  /** settings.max_failover_attempts: how many accounts one request may try. */
  maxAttempts: number;
  /** settings.first_byte_timeout_ms: one budget for picking, connecting and the first byte, across attempts. */
  deadlineMs: number;
  /** The client's signal: an abort stops everything and penalises no account. */
  signal?: AbortSignal;
  /** Picks the next account, e.g. `(exclude, signal) => pool.acquire({ ...input, exclude, signal })`. */
  acquire(exclude: ReadonlySet<string>, signal: AbortSignal): Promise<Lease>;
  /** Calls the upstream; resolves once the first byte is in (a response whose body streams later). */
  call(lease: Lease, signal: AbortSignal): Promise<T>;
  /** Told about every failed attempt (for logs and metrics). */
  onAttemptFailed?(failure: { accountId: string; attempt: number; error: unknown }): void;
}

export interface FailoverResult<T> {
  value: T;
  /** Still held: release it when the response has been fully delivered. */
  lease: Lease;
  attempts: number;
}

/**
 * Runs `call` on one account after another until one answers. An error with `isRetryable` (a dead
 * credential, a 429, a 5xx, a timeout) before the first byte is reported to the health policy
 * through the lease, the account is excluded and another is picked; any other error stops at once.
 * After `maxAttempts` or the deadline the last upstream error is thrown. When no account is left,
 * the last upstream error is thrown too (more useful to the client than "no account").
 */
export async function runWithFailover<T>(options: FailoverOptions<T>): Promise<FailoverResult<T>> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.deadlineMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  const exclude = new Set<string>();
  let lastUpstreamError: unknown;
  try {
    for (let attempt = 1; ; attempt += 1) {
      let lease: Lease;
      try {
        lease = await options.acquire(exclude, signal);
      } catch (error) {
        throw lastUpstreamError ?? timeoutOr(error, deadline.signal, options.signal);
      }
      try {
        const value = await options.call(lease, signal);
        return { value, lease, attempts: attempt };
      } catch (thrown) {
        const error = timeoutOr(thrown, deadline.signal, options.signal);
        await lease.release({ ok: false, error });
        options.onAttemptFailed?.({ accountId: lease.account.id, attempt, error });
        const retryable = isGatewayError(error) && error.isRetryable;
        if (!retryable || attempt >= options.maxAttempts || signal.aborted) throw error;
        lastUpstreamError = error;
        exclude.add(lease.account.id);
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

/** An error caused by our own deadline (not the client) becomes a timeout the policy understands. */
function timeoutOr(error: unknown, deadline: AbortSignal, client: AbortSignal | undefined): unknown {
  if (!deadline.aborted || client?.aborted) return error;
  if (isGatewayError(error) && error.kind !== 'internal') return error;
  return new UpstreamUnavailableError('No response from the upstream before the first-byte deadline.', { timeout: true, cause: error });
}
