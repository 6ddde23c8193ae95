import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { HeavyRead } from '../store/off-thread-reader.js';
import type { OffThreadWrite } from '../store/off-thread-writer.js';
import type { ChatRequest } from '../core/chat-request.js';
import { BudgetExceededError } from '../core/errors/budget-exceeded-error.js';
import type { Logger } from 'pino';
import type { AccountRecord } from '../accounts/account-record.js';
import type { Settings } from '../settings/settings-schema.js';
import type { Database } from '../store/schema.js';
import { hasBudgets } from './budgets/budget-exceeded.js';
import type { BudgetReservation } from './budgets/budget-reservation.js';
import { BudgetTracker } from './budgets/budget-tracker.js';
import { estimateRequestSpend } from './budgets/estimate-request-spend.js';
import type { KeyBudgets } from './budgets/key-budgets.js';
import { loadKeySpend } from './budgets/load-key-spend.js';
import { createRedisBudgetLedger } from './budgets/redis-budget-ledger.js';
import { usageMetrics as defaultMetrics, type UsageMetrics } from './metrics/usage-metrics.js';
import { createPriceCache } from './pricing/create-price-cache.js';
import { rowTotalTokens, toRequestLogRow } from './recorder/to-request-log-row.js';
import { UsageRecorder, type UsageRecorderStats } from './recorder/usage-recorder.js';
import type { RequestLogEntry } from './request-log-entry.js';
import { deleteExpiredRequestLogs, retentionCutoff } from './retention/delete-expired-request-logs.js';
import { deleteStoredResponsesBefore } from '../store/repositories/stored-response-repository.js';
import { deleteExpiredRollups } from './retention/delete-expired-rollups.js';
import { rollupUsage } from './rollup/rollup-usage.js';
import { createWebhookNotifier, type WebhookNotifier } from './webhooks/webhook-notifier.js';

export interface UsageServiceDeps {
  db: Kysely<Database>;
  /** Where the roll-up reads a busy hour of raw rows (see DatabaseHandle); on `db` when absent. */
  heavyRead?: HeavyRead;
  /** Where request-log batches are written (see DatabaseHandle); on `db` when absent. */
  offThreadWrite?: OffThreadWrite;
  logger: Logger;
  settings: () => Settings;
  /** Shared budget ledger across instances when set (exact budgets); otherwise budgets are held in process. */
  redis?: Redis;
  redisPrefix?: string;
  /** The in-memory account cache, when the pool is wired (for the account state gauge). */
  accounts?: () => readonly AccountRecord[];
  metrics?: UsageMetrics;
  notifier?: WebhookNotifier;
  now?: () => number;
  flushIntervalMs?: number;
  batchSize?: number;
  maxQueuedRows?: number;
  /**
   * How often the background job rolls up (default 5 minutes). Each pass reads the open hour's raw rows
   * again; stats readers roll up on read, so this sets only how soon a bucket is final and how late, without
   * Redis, other instances' spend reaches this one's budgets.
   */
  rollupIntervalMs?: number;
  /** How often budgets are seeded again from the stored spend (default 1 minute). */
  budgetRefreshIntervalMs?: number;
  retentionIntervalMs?: number;
}

export interface UsageService {
  readonly db: Kysely<Database>;
  readonly metrics: UsageMetrics;
  readonly notifier: WebhookNotifier;
  /**
   * Synchronous and O(1): computes the cost if missing, queues the row, updates metrics and budgets,
   * and settles the request's budget reservation to its real spend.
   */
  record(entry: RequestLogEntry, reservation?: BudgetReservation | null): void;
  /** Throws BudgetExceededError when one of the key's budgets is spent. No database read. */
  checkBudget(apiKeyId: string, budgets: KeyBudgets | null | undefined): void;
  /**
   * Admission: throws BudgetExceededError when a budget is reached (estimates of requests still running
   * included), else holds this request's estimate until `record` settles it. Null for keys without budgets.
   */
  reserveBudget(apiKeyId: string, budgets: KeyBudgets | null | undefined, request: ChatRequest, model: string): Promise<BudgetReservation | null>;
  flush(): Promise<void>;
  /** Writes queued rows, then recomputes the current and previous roll-up buckets (and any left behind). */
  rollup(now?: number): Promise<void>;
  /**
   * Rolls up, then deletes raw rows older than settings.log_retention_days and roll-ups older than
   * settings.rollup_retention_days. Returns the raw rows deleted.
   */
  applyRetention(now?: number): Promise<number>;
  /** Reloads per-key spend from the database (after a roll-up). */
  refreshBudgets(now?: number): Promise<void>;
  /** Brings roll-ups up to date for a read; concurrent callers share one run, at most one per second. */
  refreshForRead(): Promise<void>;
  recorderStats(): UsageRecorderStats;
  /** Starts the roll-up, retention and budget refresh timers and seeds budgets. */
  start(): void;
  /** Stops the timers, writes what is queued and gives pending webhooks a moment. */
  close(): Promise<void>;
}

export function createUsageService(deps: UsageServiceDeps): UsageService {
  const now = deps.now ?? Date.now;
  const metrics = deps.metrics ?? defaultMetrics;
  if (deps.accounts) metrics.setAccountSource(deps.accounts);
  const notifier = deps.notifier ?? createWebhookNotifier({ settings: deps.settings, logger: deps.logger, now });
  const prices = createPriceCache(() => deps.settings().prices);
  const unpricedModels = new Set<string>();
  const flagUnpriced = (model: string) => {
    if (unpricedModels.has(model) || unpricedModels.size >= 1000) return;
    unpricedModels.add(model);
    deps.logger.warn({ model }, 'no price known for this model: its requests are recorded with cost 0 (add it to settings.prices)');
  };
  let dirtySince: number | null = null;
  const recorder = new UsageRecorder({
    db: deps.db,
    offThreadWrite: deps.offThreadWrite,
    logger: deps.logger,
    flushIntervalMs: deps.flushIntervalMs,
    batchSize: deps.batchSize,
    maxQueuedRows: deps.maxQueuedRows,
    onBatchWritten: (rows) => {
      for (const row of rows) if (dirtySince === null || row.created_at < dirtySince) dirtySince = row.created_at;
    },
  });
  const budgets = new BudgetTracker({
    now,
    timeZone: () => deps.settings().timezone,
    onBudgetReached: (reached) =>
      notifier.notify('key_budget_reached', {
        api_key_id: reached.apiKeyId,
        budget: reached.budget,
        limit: reached.limit,
        used: reached.used,
        period_start: reached.periodStart === null ? null : new Date(reached.periodStart).toISOString(),
      }),
  });
  const ledger = deps.redis
    ? createRedisBudgetLedger({
        redis: deps.redis,
        keyPrefix: `${deps.redisPrefix ?? 'sluice:'}budget:`,
        now,
        timeZone: () => deps.settings().timezone,
        onRefused: (apiKeyId, spent) => budgets.noteReached(apiKeyId, spent.budget, spent.limit, spent.used),
      })
    : undefined;
  const timers: NodeJS.Timeout[] = [];
  let rollupRun: Promise<void> | null = null;
  let lastReadRefresh = 0;
  let lastRollupMs = 0;
  let lastRollupEnd = 0;
  /**
   * Roll-ups take at most a tenth of the time: after a pass of d ms, the roll-up job and readers leave
   * the next one until 9·d ms have passed, and read the figures as they are. A busy hour costs seconds
   * to recompute; without this, a dashboard open on a busy gateway would keep a core recomputing it.
   * Short passes (a quiet gateway) are never held back. Retention still rolls up first, always.
   */
  const rolledUpRecently = (): boolean => lastRollupMs >= 200 && performance.now() - lastRollupEnd < 9 * lastRollupMs;

  const retentionDays = () => deps.settings().log_retention_days;

  async function rollup(at = now()): Promise<void> {
    while (rollupRun) await rollupRun.catch(() => undefined);
    rollupRun = (async () => {
      const started = performance.now();
      await recorder.flush();
      const since = dirtySince;
      dirtySince = null;
      const passStarted = performance.now();
      try {
        await rollupUsage(deps.db, at, { dirtySince: since, floor: retentionCutoff(at, retentionDays()), heavyRead: deps.heavyRead });
      } catch (error) {
        if (since !== null) dirtySince = dirtySince === null ? since : Math.min(dirtySince, since);
        throw error;
      } finally {
        lastRollupEnd = performance.now();
        lastRollupMs = lastRollupEnd - started;
        metrics.observeRollup((lastRollupEnd - passStarted) / 1000);
      }
    })().finally(() => {
      rollupRun = null;
    });
    return rollupRun;
  }

  async function refreshBudgets(at = now()): Promise<void> {
    const snapshot = await loadKeySpend(deps.db, at, deps.settings().timezone);
    budgets.seed(snapshot);
    await ledger?.seed(snapshot, budgets.knownBudgets().keys());
  }

  async function applyRetention(at = now()): Promise<number> {
    await rollup(at);
    const deleted = await deleteExpiredRequestLogs(deps.db, at, retentionDays());
    // Stored Responses answers live exactly as long as the request log.
    await deleteStoredResponsesBefore(deps.db, retentionCutoff(at, retentionDays()));
    await deleteExpiredRollups(deps.db, at, deps.settings().rollup_retention_days, retentionDays());
    return deleted;
  }

  const jobs = new Set<Promise<void>>();
  const background = (name: string, task: () => Promise<unknown>) => () => {
    const job = task()
      .then(() => undefined)
      .catch((error: unknown) => deps.logger.error({ err: error }, `usage ${name} failed`))
      .finally(() => jobs.delete(job));
    jobs.add(job);
  };

  return {
    db: deps.db,
    metrics,
    notifier,
    record(entry, reservation) {
      // Price the model actually served; fall back to the requested name (e.g. Amazon Q internal ids).
      const model = entry.upstreamModel && prices.isKnown(entry.upstreamModel) ? entry.upstreamModel : entry.requestedModel;
      if (entry.cost === undefined && !prices.isKnown(model)) flagUnpriced(model);
      const cost = entry.cost ?? prices.cost(model, entry.usage);
      const row = toRequestLogRow(entry, cost);
      recorder.record(row);
      metrics.observeRequest({
        provider: row.provider ?? null,
        model: row.requested_model,
        status: entry.status,
        inputTokens: row.input_tokens ?? 0,
        outputTokens: row.output_tokens ?? 0,
        cacheReadTokens: row.cache_read_tokens ?? 0,
        cacheWriteTokens: row.cache_write_tokens ?? 0,
        cost: row.cost ?? 0,
        latencyMs: row.latency_ms ?? 0,
        ttftMs: row.ttft_ms ?? null,
      });
      budgets.add(entry.apiKeyId, rowTotalTokens(row), row.cost ?? 0);
      reservation?.settle({ tokens: rowTotalTokens(row), cost: row.cost ?? 0 });
    },
    async reserveBudget(apiKeyId, keyBudgets, request, model) {
      if (!hasBudgets(keyBudgets)) return null;
      const priced = prices.isKnown(model) ? model : request.model;
      const estimate = estimateRequestSpend(request, prices.lookup(priced).price);
      try {
        if (!ledger) return budgets.reserve(apiKeyId, keyBudgets, estimate);
        budgets.remember(apiKeyId, keyBudgets); // so the minute refresh seeds the shared figures of this key
        try {
          return await ledger.reserve(apiKeyId, keyBudgets, estimate);
        } catch (error) {
          if (error instanceof BudgetExceededError) throw error;
          deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'budget ledger unreachable: holding the budget in this process only');
          return budgets.reserve(apiKeyId, keyBudgets, estimate);
        }
      } catch (error) {
        metrics.recordLimiterRejection('key_budget');
        throw error;
      }
    },
    checkBudget(apiKeyId, keyBudgets) {
      try {
        budgets.check(apiKeyId, keyBudgets);
      } catch (error) {
        metrics.recordLimiterRejection('key_budget');
        throw error;
      }
    },
    flush: () => recorder.flush(),
    rollup,
    applyRetention,
    refreshBudgets,
    async refreshForRead() {
      // A run already under way may have flushed before the caller's rows were recorded: wait, then decide.
      while (rollupRun) await rollupRun.catch(() => undefined);
      if (rolledUpRecently()) return;
      if (now() - lastReadRefresh < 1000 && dirtySince === null && recorder.stats().queued === 0) return;
      lastReadRefresh = now();
      await rollup();
    },
    recorderStats: () => recorder.stats(),
    start() {
      if (timers.length > 0) return;
      const rollUp = async () => {
        if (!rolledUpRecently()) await rollup();
      };
      timers.push(setInterval(background('roll-up', rollUp), deps.rollupIntervalMs ?? 300_000));
      timers.push(setInterval(background('budget refresh', () => refreshBudgets()), deps.budgetRefreshIntervalMs ?? 60_000));
      timers.push(setInterval(background('retention', () => applyRetention()), deps.retentionIntervalMs ?? 3_600_000));
      for (const timer of timers) timer.unref();
      background('roll-up', async () => {
        await rollUp();
        await refreshBudgets();
      })();
    },
    async close() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await Promise.all([...jobs]);
      await rollupRun?.catch(() => undefined);
      await recorder.close();
      await Promise.race([notifier.drain(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    },
  };
}
