import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { AccountRecord } from '../accounts/account-record.js';
import type { Usage } from '../core/usage.js';
import type { ProviderAdapter } from '../providers/provider-adapter.js';
import type { ProviderName } from '../providers/provider-name.js';
import type { AccountCredentials } from '../providers/upstream-account.js';
import type { AuthenticatedKey } from '../server/app-env.js';
import type { Settings } from '../settings/settings-schema.js';

export interface PoolLease {
  account: AccountRecord;
  /** `moved`: the session's pinned account could not serve, so this is another one. */
  sticky?: 'none' | 'hit' | 'new' | 'moved' | 'temporary';
  release(outcome: { ok: true } | { ok: false; error: unknown }): Promise<void>;
}

export interface AcquireRequest {
  model: string;
  clientKeyId: string;
  sessionKey?: string;
  hasSignedThinking?: boolean;
  exclude?: ReadonlySet<string>;
  signal?: AbortSignal;
}

/** What one finished request reports for the request log (usage, cost and status). */
export interface GatewayOutcome {
  requestId: string;
  startedAt: number;
  apiKeyId: string;
  account: AccountRecord | null;
  requestedModel: string;
  upstreamModel: string | null;
  stream: boolean;
  clientFormat: 'openai' | 'anthropic';
  usage: Usage;
  latencyMs: number;
  ttftMs: number | null;
  status: 'success' | 'error';
  httpStatus: number;
  errorType: string | null;
  errorMessage: string | null;
  clientIp: string | null;
  userAgent: string | null;
}

/** The services the request path needs, injected so the pipeline can be tested without a server. */
export interface GatewayDeps {
  logger: Logger;
  settings(): Settings;
  adapters: Record<ProviderName, ProviderAdapter>;
  acquire(request: AcquireRequest): Promise<PoolLease>;
  dispatcherFor(account: AccountRecord): Dispatcher;
  saveCredentials(accountId: string, update: Partial<AccountCredentials>): Promise<void>;
  /** Throws BudgetExceededError when the key's budget is spent. */
  checkBudget(apiKey: AuthenticatedKey): void;
  /** Non-blocking: queues the log row. */
  recordOutcome(outcome: GatewayOutcome): void;
}
