import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AccountRecord, AccountStore } from '../accounts/account-record.js';
import { GatewayError } from '../core/errors/gateway-error.js';
import { NotFoundError } from '../core/errors/not-found-error.js';
import { acquireKeySlot } from '../limits/acquire-key-slot.js';
import type { ConcurrencyLimiter } from '../limits/concurrency-limiter.js';
import { createMemoryConcurrencyLimiter } from '../limits/memory-concurrency-limiter.js';
import { createRedisConcurrencyLimiter } from '../limits/redis-concurrency-limiter.js';
import { AccountPool, type LiveAccountState } from '../pool/account-pool.js';
import { BalanceMonitor } from '../pool/balance-monitor.js';
import { HealthChecker } from '../pool/health-checker.js';
import { createPoolState } from '../pool/state/create-pool-state.js';
import { warnSharedStateFallback } from '../pool/state/warn-shared-state-fallback.js';
import { createAmazonQAdapter } from '../providers/amazonq/amazonq-adapter.js';
import { AmazonQTokenManager } from '../providers/amazonq/token-manager.js';
import { getDispatcher } from '../providers/http/get-dispatcher.js';
import type { Balance } from '../providers/provider-adapter.js';
import { createProviderRegistry, type ProviderRegistry } from '../providers/registry.js';
import type { Settings } from '../settings/settings-schema.js';
import type { Database } from '../store/schema.js';
import { createPriceCache } from '../usage/pricing/create-price-cache.js';
import type { RequestLogEntry } from '../usage/request-log-entry.js';
import type { UsageService } from '../usage/usage-service.js';
import { accountCallContext } from './account-call-context.js';
import type { GatewayDeps } from './gateway-deps.js';
import { probeAccount } from './probe-account.js';
import { WarningDigest } from './warning-digest.js';

export interface GatewayInputs {
  logger: Logger;
  db: Kysely<Database>;
  redis?: Redis;
  redisPrefix: string;
  settings: () => Settings;
  accounts: AccountStore;
  usage: UsageService;
  /** Per-key max_concurrency; built from `redis` (or in process) when not given. */
  keyConcurrency?: ConcurrencyLimiter;
  /** Replaces built-in adapters (tests). */
  providers?: Partial<ProviderRegistry>;
}

export interface AccountTestOutcome {
  ok: boolean;
  latency_ms: number;
  message: string;
  [detail: string]: unknown;
}

/** The request path's services: adapters, the pool and its background jobs, wired to usage and alerts. */
export interface Gateway {
  deps: GatewayDeps;
  pool: AccountPool;
  providers: ProviderRegistry;
  testAccount(accountId: string): Promise<AccountTestOutcome>;
  refreshBalance(accountId: string): Promise<Balance | null>;
  liveStates(accountIds: readonly string[]): Promise<Map<string, LiveAccountState>>;
  start(): void;
  stop(): Promise<void>;
}

export function createGateway(inputs: GatewayInputs): Gateway {
  const { logger, accounts, usage } = inputs;
  const tokens = new AmazonQTokenManager();
  const providers = createProviderRegistry({
    amazonq: createAmazonQAdapter('amazonq', { tokens }),
    kiro: createAmazonQAdapter('kiro', { tokens }),
    ...inputs.providers,
  });
  const saveCredentials = (accountId: string, update: Parameters<AccountStore['saveCredentials']>[1]) => accounts.saveCredentials(accountId, update);
  const jobContext = (account: AccountRecord) => accountCallContext(account, { logger, saveCredentials });
  const pool = new AccountPool({
    store: accounts,
    settings: inputs.settings,
    state: createPoolState(inputs.redis, { keyPrefix: `${inputs.redisPrefix}pool:`, onFallback: warnSharedStateFallback(logger) }),
    logger,
    onHealthAction: (account, action) => {
      if (action.kind === 'disable') usage.notifier.notify('account_disabled', { account_id: account.id, account_name: account.name, provider: account.provider, reason: action.reason });
      if (action.kind === 'quota_exhausted') {
        usage.notifier.notify('quota_exhausted', { account_id: account.id, account_name: account.name, provider: account.provider, reason: action.reason, until: new Date(action.until).toISOString() });
      }
    },
  });
  const healthChecker = new HealthChecker({
    store: accounts,
    settings: inputs.settings,
    logger,
    probe: async (account) => void (await probeAccount(providers[account.provider], account, jobContext(account))),
  });
  const balanceMonitor = new BalanceMonitor({
    store: accounts,
    settings: inputs.settings,
    logger,
    fetchBalance: async (account) => (await providers[account.provider].fetchBalance?.(account.upstream, jobContext(account))) ?? null,
    spentSince: async (accountId) => {
      const row = await inputs.db.selectFrom('accounts').select('total_cost').where('id', '=', accountId).executeTakeFirst();
      return Number(row?.total_cost ?? 0);
    },
    onBalanceLow: (account, balance) =>
      usage.notifier.notify('balance_low', { account_id: account.id, account_name: account.name, provider: account.provider, remaining: balance.remaining, unit: balance.unit, threshold: account.balanceThreshold }),
  });

  const keyConcurrency =
    inputs.keyConcurrency ??
    (inputs.redis ? createRedisConcurrencyLimiter({ redis: inputs.redis, keyPrefix: `${inputs.redisPrefix}concurrency:` }) : createMemoryConcurrencyLimiter());
  // The same price table the usage log uses, for the per-request balance ledger.
  const prices = createPriceCache(() => inputs.settings().prices);
  const costOf = (entry: RequestLogEntry): number => {
    const model = entry.upstreamModel && prices.isKnown(entry.upstreamModel) ? entry.upstreamModel : entry.requestedModel;
    return entry.cost ?? prices.cost(model, entry.usage);
  };

  const deps: GatewayDeps = {
    logger,
    warningDigest: new WarningDigest(),
    settings: inputs.settings,
    adapters: providers,
    acquire: (request) => pool.acquire(request),
    dispatcherFor: (account) => getDispatcher(account.upstream.proxyUrl),
    saveCredentials,
    acquireKeySlot: async (apiKey, signal, onWait) => {
      try {
        return await acquireKeySlot(keyConcurrency, apiKey, { defaultQueueTimeoutMs: inputs.settings().queue_timeout_ms, signal, onWait });
      } catch (error) {
        if (error instanceof GatewayError && error.status === 429) usage.metrics.recordLimiterRejection('key_concurrency');
        if (error instanceof GatewayError || signal.aborted) throw error;
        // The shared store is down: serve rather than refuse everyone (limits fail open, see docs/usage-accounting.md).
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'key concurrency store unreachable: request admitted without a slot');
        return null;
      }
    },
    reserveBudget: (apiKey, request, upstreamModel) => usage.reserveBudget(apiKey.id, apiKey.budgets, request, upstreamModel),
    recordOutcome: (entry, reservation) => {
      usage.record(entry, reservation);
      if (entry.accountId !== null) void balanceMonitor.recordSpend(entry.accountId, costOf(entry)).catch((error: unknown) => logger.warn({ err: error }, 'balance ledger update failed'));
    },
  };

  const requireAccount = (accountId: string): AccountRecord => {
    const account = accounts.get(accountId);
    if (!account) throw new NotFoundError(`No account with id ${accountId}.`);
    return account;
  };

  return {
    deps,
    pool,
    providers,
    async testAccount(accountId) {
      const account = requireAccount(accountId);
      const started = Date.now();
      try {
        const message = await probeAccount(providers[account.provider], account, jobContext(account));
        return { ok: true, latency_ms: Date.now() - started, message };
      } catch (error) {
        return { ok: false, latency_ms: Date.now() - started, message: error instanceof Error ? error.message : String(error) };
      }
    },
    refreshBalance: (accountId) => {
      requireAccount(accountId);
      return balanceMonitor.refresh(accountId);
    },
    liveStates: (accountIds) => pool.liveStates(accountIds),
    start() {
      healthChecker.start();
      balanceMonitor.start();
    },
    async stop() {
      await Promise.all([healthChecker.stop(), balanceMonitor.stop(), keyConcurrency.close()]);
    },
  };
}
