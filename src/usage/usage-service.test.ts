import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetExceededError } from '../core/errors/budget-exceeded-error.js';
import { settingsSchema, type Settings } from '../settings/settings-schema.js';
import type { DatabaseHandle } from '../store/db.js';
import { UsageMetrics } from './metrics/usage-metrics.js';
import type { RequestLogEntry } from './request-log-entry.js';
import { logEntry } from './testing/log-entry.js';
import { openTestDatabase } from './testing/open-test-database.js';
import { rollupPasses } from './testing/rollup-passes.js';
import { createUsageService, type UsageService } from './usage-service.js';
import { createWebhookNotifier } from './webhooks/webhook-notifier.js';

const entry = (id: string, overrides: Partial<RequestLogEntry> = {}): RequestLogEntry =>
  logEntry({
    id,
    provider: 'kiro',
    upstreamModel: 'CLAUDE_SONNET_4_5_20250929_V1_0',
    stream: true,
    usage: { inputTokens: 1_000_000, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 },
    ttftMs: 50,
    ...overrides,
  });

describe('createUsageService', () => {
  let handle: DatabaseHandle;
  let server: Server;
  let service: UsageService;
  const received: Array<{ event: string; data: Record<string, unknown> }> = [];
  let settings: Settings;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body) as { event: string; data: Record<string, unknown> });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    settings = settingsSchema.parse({
      prices: { 'house-model': { input: 2, output: 4 } },
      webhooks: [{ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, events: ['key_budget_reached'] }],
    });
    handle = await openTestDatabase();
    const logger = pino({ level: 'silent' });
    service = createUsageService({
      db: handle.db,
      logger,
      settings: () => settings,
      metrics: new UsageMetrics(),
      notifier: createWebhookNotifier({ settings: () => settings, logger, retryDelaysMs: [5] }),
    });
  });
  afterAll(async () => {
    await service.close();
    await handle.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('prices the served model, falls back to the requested one, and honours explicit costs and overrides', async () => {
    service.record(entry('priced-upstream'));
    service.record(entry('priced-requested', { upstreamModel: 'internal-model-id' }));
    service.record(entry('priced-override', { requestedModel: 'house-model', upstreamModel: null }));
    service.record(entry('unpriced', { requestedModel: 'mystery', upstreamModel: null }));
    service.record(entry('explicit', { cost: 0.5 }));
    await service.flush();
    const rows = await handle.db.selectFrom('request_logs').select(['id', 'cost']).orderBy('id').execute();
    expect(Object.fromEntries(rows.map((row) => [row.id, row.cost]))).toEqual({ explicit: 0.5, 'priced-override': 2, 'priced-requested': 3, 'priced-upstream': 3, unpriced: 0 });
    expect(service.recorderStats()).toMatchObject({ written: 5, queued: 0 });
  });

  it('refuses a key over budget and posts key_budget_reached once', async () => {
    const budgets = { daily_cost: 10 };
    expect(() => service.checkBudget('key-1', budgets)).not.toThrow();
    service.record(entry('big-spender', { cost: 2 }));
    expect(() => service.checkBudget('key-1', budgets)).toThrow(BudgetExceededError);
    expect(() => service.checkBudget('key-1', budgets)).toThrow(BudgetExceededError);
    await service.notifier.drain();
    expect(received).toEqual([{ event: 'key_budget_reached', time: expect.any(String), data: expect.objectContaining({ api_key_id: 'key-1', budget: 'daily_cost', limit: 10, used: 10.5 }) }]);
  });

  it('seeds budgets from the database after a roll-up', async () => {
    await service.flush();
    const fresh = createUsageService({ db: handle.db, logger: pino({ level: 'silent' }), settings: () => settings, metrics: new UsageMetrics() });
    expect(() => fresh.checkBudget('key-1', { daily_cost: 10 })).not.toThrow();
    await fresh.rollup();
    await fresh.refreshBudgets();
    expect(() => fresh.checkBudget('key-1', { daily_cost: 10 })).toThrow(/daily cost budget/);
    await fresh.close();
  });

  it('rolls up and applies retention on its own schedule once started', async () => {
    const scheduled = createUsageService({ db: handle.db, logger: pino({ level: 'silent' }), settings: () => settings, metrics: new UsageMetrics(), flushIntervalMs: 10, rollupIntervalMs: 20, retentionIntervalMs: 30 });
    scheduled.record(entry('scheduled', { apiKeyId: 'key-scheduled', cost: 1 }));
    scheduled.record(entry('expired', { apiKeyId: 'key-scheduled', createdAt: Date.now() - 40 * 86_400_000, cost: 1 }));
    scheduled.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await scheduled.close();
    const rollups = await handle.db.selectFrom('usage_rollups').select(['granularity', 'requests']).where('api_key_id', '=', 'key-scheduled').where('model', '=', '*').where('account_id', '=', '*').execute();
    // The expired row arrived after its buckets were final: it is deleted without being rolled up.
    expect(rollups.map((row) => [row.granularity, row.requests]).sort()).toEqual([['day', 1], ['hour', 1]]);
    const raw = await handle.db.selectFrom('request_logs').select('id').where('api_key_id', '=', 'key-scheduled').execute();
    expect(raw.map((row) => row.id)).toEqual(['scheduled']);
  });

  it('refreshes budgets on their own timer, between two roll-ups', async () => {
    const metrics = new UsageMetrics();
    const scheduled = createUsageService({ db: handle.db, logger: pino({ level: 'silent' }), settings: () => settings, metrics, rollupIntervalMs: 60_000, budgetRefreshIntervalMs: 20 });
    const passes = async () => (await rollupPasses(metrics)).count;
    scheduled.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await passes()).toBe(1);
    expect(() => scheduled.checkBudget('key-elsewhere', { daily_cost: 10 })).not.toThrow();
    // Another instance rolled up spend for a key this one has not served.
    const now = Date.now();
    await handle.db
      .insertInto('usage_rollups')
      .values({ granularity: 'hour', bucket_start: now - (now % 3_600_000), api_key_id: 'key-elsewhere', account_id: '*', provider: '*', model: '*', requests: 1, successes: 1, errors: 0, input_tokens: 1, output_tokens: 1, cache_read_tokens: 0, cache_write_tokens: 0, cost: 50, credits: 0, latency_sum: 5, latency_max: 5, latency_p95: 5, updated_at: now })
      .execute();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(() => scheduled.checkBudget('key-elsewhere', { daily_cost: 10 })).toThrow(/daily cost budget/);
    expect(await passes()).toBe(1);
    await scheduled.close();
  });

  it('logs and prices cache writes by time to live', async () => {
    service.record(
      entry('cache-split', {
        requestedModel: 'claude-sonnet-4-5',
        upstreamModel: 'claude-sonnet-4-5-20250929',
        usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 1_000_000, cacheWrite5mTokens: 600_000, cacheWrite1hTokens: 400_000 },
      }),
    );
    await service.flush();
    const row = await handle.db.selectFrom('request_logs').select(['cache_write_tokens', 'cache_write_5m_tokens', 'cache_write_1h_tokens', 'cost']).where('id', '=', 'cache-split').executeTakeFirstOrThrow();
    // 600k at $3.75 (1.25 × $3) + 400k at $6 (2 × $3) per million; one rate for all would say $3.75.
    expect({ ...row, cost: Number(row.cost) }).toEqual({ cache_write_tokens: 1_000_000, cache_write_5m_tokens: 600_000, cache_write_1h_tokens: 400_000, cost: 4.65 });
  });

  it('deletes roll-ups past rollup_retention_days, never before the raw logs they sum', async () => {
    const day = 86_400_000;
    const now = Date.now();
    const bucket = (daysAgo: number) => ({
      granularity: 'day', bucket_start: Math.floor((now - daysAgo * day) / day) * day, api_key_id: 'key-old', account_id: '*', provider: '*', model: '*',
      requests: 1, successes: 1, errors: 0, input_tokens: 0, output_tokens: 0, cache_read_tokens: 0, cache_write_tokens: 0, cost: 0, credits: 0,
      latency_sum: 0, latency_max: 0, latency_p95: 0, updated_at: now,
    });
    await handle.db.insertInto('usage_rollups').values([bucket(500), bucket(401), bucket(399), bucket(20)]).execute();
    const keptDays = async () =>
      (await handle.db.selectFrom('usage_rollups').select('bucket_start').where('api_key_id', '=', 'key-old').orderBy('bucket_start').execute()).map((row) => Math.floor((now - Number(row.bucket_start)) / day));
    await service.applyRetention(now);
    expect(await keptDays()).toEqual([399, 20]);
    settings = { ...settings, rollup_retention_days: 10, log_retention_days: 30 };
    await service.applyRetention(now);
    expect(await keptDays()).toEqual([20]);
  });
});
