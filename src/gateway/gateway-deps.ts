import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { AccountRecord } from '../accounts/account-record.js';
import type { AcquireInput, Lease } from '../pool/account-pool.js';
import type { ProviderAdapter } from '../providers/provider-adapter.js';
import type { ProviderName } from '../providers/provider-name.js';
import type { AccountCredentials } from '../providers/upstream-account.js';
import type { AuthenticatedKey } from '../auth/authenticated-key.js';
import type { Settings } from '../settings/settings-schema.js';
import type { ChatRequest } from '../core/chat-request.js';
import type { ConcurrencySlot } from '../limits/concurrency-limiter.js';
import type { BudgetReservation } from '../usage/budgets/budget-reservation.js';
import type { RequestLogEntry } from '../usage/request-log-entry.js';
import type { CancelSignal } from '../core/cancel-signal.js';
import type { WarningDigest } from './warning-digest.js';

/** A pool lease as the request path uses it; the pool's `Lease` is one. */
export type PoolLease = Pick<Lease, 'account' | 'release'> & Partial<Pick<Lease, 'sticky'>>;

/** The services the request path needs, injected so the pipeline can be tested without a server. */
export interface GatewayDeps {
  logger: Logger;
  settings(): Settings;
  adapters: Record<ProviderName, ProviderAdapter>;
  acquire(request: AcquireInput): Promise<PoolLease>;
  dispatcherFor(account: AccountRecord): Dispatcher;
  saveCredentials(accountId: string, update: Partial<AccountCredentials>): Promise<void>;
  /**
   * Waits (first come, first served, up to the queue timeout) for one of the key's `max_concurrency`
   * slots; throws RateLimitedError when none frees in time. Null for keys without the limit. `onWait` is
   * called when the request starts to wait.
   */
  acquireKeySlot(apiKey: AuthenticatedKey, signal: CancelSignal, onWait?: () => void): Promise<ConcurrencySlot | null>;
  /** Holds the request's estimated spend; throws BudgetExceededError when a budget is reached. */
  reserveBudget(apiKey: AuthenticatedKey, request: ChatRequest, upstreamModel: string): Promise<BudgetReservation | null>;
  /** Non-blocking: queues the log row and settles the reservation to the real spend. */
  recordOutcome(entry: RequestLogEntry, reservation?: BudgetReservation | null): void;
  /** Lets each kind of dropped-feature warning into the log once an hour; without it every one is logged. */
  warningDigest?: WarningDigest;
}
