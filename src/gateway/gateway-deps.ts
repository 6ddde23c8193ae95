import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { AccountRecord } from '../accounts/account-record.js';
import type { AcquireInput, Lease } from '../pool/account-pool.js';
import type { ProviderAdapter } from '../providers/provider-adapter.js';
import type { ProviderName } from '../providers/provider-name.js';
import type { AccountCredentials } from '../providers/upstream-account.js';
import type { AuthenticatedKey } from '../auth/authenticated-key.js';
import type { Settings } from '../settings/settings-schema.js';
import type { RequestLogEntry } from '../usage/request-log-entry.js';

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
  /** Throws BudgetExceededError when the key's budget is spent. */
  checkBudget(apiKey: AuthenticatedKey): void;
  /** Non-blocking: queues the log row. */
  recordOutcome(entry: RequestLogEntry): void;
}
