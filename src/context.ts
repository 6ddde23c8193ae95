import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createAccountAdminService, type AccountAdminService } from './accounts/account-admin-service.js';
import { createCachedAccountStore, type CachedAccountStore } from './accounts/cached-account-store.js';
import { recordAccountEvents } from './accounts/record-account-events.js';
import { resealAccountSecretSettings } from './accounts/reseal-account-secret-settings.js';
import { createApiKeyCache, type ApiKeyCache } from './auth/api-key-cache.js';
import type { Config } from './config/config.js';
import { resolveSecretKey } from './crypto/resolve-secret-key.js';
import { createSecretBox, type SecretBox } from './crypto/secret-box.js';
import { createMemoryRateLimiter } from './limits/memory-rate-limiter.js';
import type { RateLimiter } from './limits/rate-limiter.js';
import { createRedisRateLimiter } from './limits/redis-rate-limiter.js';
import { failOpenRateLimiter } from './limits/fail-open-rate-limiter.js';
import type { Balance } from './providers/provider-adapter.js';
import { createSettingsService, type SettingsService } from './settings/settings-service.js';
import { createChangeBus, type ChangeBus } from './store/change-bus.js';
import { openDatabase, type DatabaseHandle } from './store/db.js';
import { createRedisClient } from './store/redis-client.js';
import { migrateToLatest } from './store/migrate.js';
import { createUsageService, type UsageService } from './usage/usage-service.js';
import { createGateway, type Gateway } from './gateway/create-gateway.js';

/** Result of `POST /admin/accounts/{id}/test`, provided by whoever wires the providers. */
export interface AccountTestResult {
  ok: boolean;
  latency_ms?: number;
  message?: string;
  [detail: string]: unknown;
}

export interface AccountTester {
  test(accountId: string): Promise<AccountTestResult>;
}

export interface BalanceService {
  /** Fetches (and stores) the current balance; null when the provider cannot report one. */
  fetch(accountId: string): Promise<Balance | null>;
}

/** Live, in-memory numbers the pool knows about an account, merged into the admin DTO as `live`. */
export interface AccountLiveState {
  rpm_now: number;
  in_flight: number;
  cooldown_until: number | null;
}

/**
 * Everything a request handler or background job may use, built once at start-up.
 * Services are added here as they land; handlers receive this object, never globals.
 */
export interface AppContext {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  redis?: Redis;
  version: string;
  /** Cache invalidation across this process and (with Redis) every other instance. */
  changeBus: ChangeBus;
  secretBox: SecretBox;
  /** Client keys by hash, in memory: authentication never reads the database on a hit. */
  apiKeys: ApiKeyCache;
  /** Per-key RPM/RPD; Redis-backed (shared by all instances) when REDIS_URL is set. */
  rateLimiter: RateLimiter;
  /** Every upstream account, decrypted and cached; the pool's only source. */
  accounts: CachedAccountStore;
  accountAdmin: AccountAdminService;
  settings: SettingsService;
  /** Request log, roll-ups, budgets, metrics and alert webhooks. */
  usage: UsageService;
  /** Provider adapters, the account pool and its background jobs: the request path. */
  gateway: Gateway;
  /** Optional hooks wired by the provider/pool integration; the admin API answers 501 while absent. */
  accountTester?: AccountTester;
  balances?: BalanceService;
  /** Live numbers of several accounts in one read (Redis or memory), for the admin account views. */
  accountLiveStates?: (accountIds: readonly string[]) => Promise<Map<string, AccountLiveState>>;
  /** Run in reverse order on shutdown, after the server stopped accepting requests. */
  onShutdown(hook: () => Promise<void> | void): void;
  shutdown(): Promise<void>;
}

export interface ContextOptions {
  /** Prefixes for Redis channels and keys, so that parallel test runs sharing one Redis stay apart. */
  redisPrefix?: string;
}

export async function createContext(config: Config, logger: Logger, version: string, options: ContextOptions = {}): Promise<AppContext> {
  const hooks: Array<() => Promise<void> | void> = [];
  const runHooks = async () => {
    for (const hook of hooks.reverse()) {
      try {
        await hook();
      } catch (error) {
        logger.error({ err: error }, 'shutdown hook failed');
      }
    }
    hooks.length = 0;
  };
  const secretBox = createSecretBox(resolveSecretKey(config));
  const database = openDatabase(config.database, {
    onBackgroundError: (error) => logger.warn({ err: error.message }, 'database connection lost; it is replaced on the next query'),
  });
  hooks.push(() => database.close());
  try {
    await migrateToLatest(database.db);
    const redis = config.redisUrl ? await createRedisClient(config.redisUrl) : undefined;
    redis?.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis error'));
    if (redis) hooks.push(async () => void (await redis.quit().catch(() => redis.disconnect())));
    const prefix = options.redisPrefix ?? 'sluice:';
    const changeBus = await createChangeBus({ redis, logger, channelPrefix: `${prefix}changes:` });
    hooks.push(() => changeBus.close());
    const rateLimiter = redis
      ? failOpenRateLimiter(createRedisRateLimiter({ redis, keyPrefix: `${prefix}limit:` }), logger, { isAvailable: () => redis.status === 'ready' })
      : createMemoryRateLimiter();
    hooks.push(() => rateLimiter.close());
    const apiKeys = createApiKeyCache({ db: database.db, bus: changeBus });
    hooks.push(() => apiKeys.close());
    const resealed = await resealAccountSecretSettings(database.db, secretBox);
    if (resealed > 0) logger.info({ accounts: resealed }, 'proxy URLs and custom header values sealed at rest');
    const accounts = recordAccountEvents(await createCachedAccountStore({ db: database.db, secretBox, bus: changeBus, logger }), { db: database.db, logger });
    hooks.push(() => accounts.close());
    const settings = await createSettingsService({ db: database.db, bus: changeBus, logger, secretBox });
    hooks.push(() => settings.close());
    const usage = createUsageService({ db: database.db, heavyRead: database.heavyRead, offThreadWrite: database.offThreadWrite, redis, redisPrefix: prefix, logger, settings: () => settings.get(), accounts: () => accounts.list() });
    usage.start();
    hooks.push(() => usage.close());
    const gateway = createGateway({ logger, db: database.db, redis, redisPrefix: prefix, settings: () => settings.get(), accounts, usage });
    gateway.start();
    hooks.push(() => gateway.stop());
    return {
      config,
      logger,
      database,
      redis,
      version,
      changeBus,
      secretBox,
      apiKeys,
      rateLimiter,
      accounts,
      accountAdmin: createAccountAdminService({ db: database.db, secretBox, bus: changeBus }),
      settings,
      usage,
      gateway,
      accountTester: { test: (accountId) => gateway.testAccount(accountId) },
      balances: { fetch: (accountId) => gateway.refreshBalance(accountId) },
      accountLiveStates: async (accountIds) => {
        const states = await gateway.liveStates(accountIds);
        return new Map(
          [...states].map(([id, live]) => [id, { ...live, cooldown_until: live.cooldown_until ? Date.parse(live.cooldown_until) : null }]),
        );
      },
      onShutdown: (hook) => void hooks.push(hook),
      shutdown: runHooks,
    };
  } catch (error) {
    await runHooks();
    throw error;
  }
}
