import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Insertable } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../store/db.js';
import type { OffThreadWrite } from '../../store/off-thread-writer.js';
import { migrateToLatest } from '../../store/migrate.js';
import type { RequestLogsTable } from '../../store/schema.js';
import type { RequestLogEntry } from '../request-log-entry.js';
import { openTestDatabase, testDatabases } from '../testing/open-test-database.js';
import { toRequestLogRow } from './to-request-log-row.js';
import { UsageRecorder, type UsageRecorderOptions } from './usage-recorder.js';
import { requestLogBatchJob, writeRequestLogBatch } from './write-request-log-batch.js';

const logger = pino({ level: 'silent' });

function entry(id: string, overrides: Partial<RequestLogEntry> = {}): RequestLogEntry {
  return {
    id,
    createdAt: 1_700_000_000_000,
    apiKeyId: 'key-1',
    accountId: 'account-1',
    provider: 'anthropic',
    requestedModel: 'claude-sonnet-4.5',
    upstreamModel: 'claude-sonnet-4-5-20250929',
    stream: true,
    clientFormat: 'anthropic',
    usage: { inputTokens: 100, outputTokens: 50, cacheReadTokens: 10, cacheWriteTokens: 5, credits: 0.5 },
    latencyMs: 1200,
    ttftMs: 300,
    status: 'success',
    httpStatus: 200,
    errorType: null,
    errorMessage: null,
    clientIp: '127.0.0.1',
    userAgent: 'test',
    ...overrides,
  };
}

async function seedKeyAndAccount(handle: DatabaseHandle): Promise<void> {
  await handle.db
    .insertInto('api_keys')
    .values({ id: 'key-1', name: 'alice', key_hash: `hash-${Math.random()}`, key_hint: 'amq-…', is_admin: 0, enabled: 1, requests_per_minute: null, requests_per_day: null, expires_at: null, allowed_models: null, budgets: null, created_at: 1, updated_at: 1, last_used_at: null })
    .execute();
  await handle.db
    .insertInto('accounts')
    .values({ id: 'account-1', name: 'main', provider: 'anthropic', enabled: 1, credentials_encrypted: 'x', credential_hints: '{}', settings: '{}', base_url: null, auth_url: null, requests_per_minute: null, max_concurrency: null, weight: 1, priority: 0, proxy_url: null, user_agent: null, models: null, initial_balance: null, balance_threshold: null, status: 'active', status_reason: null, status_changed_at: null, cooldown_until: null, last_error: null, last_error_at: null, balance: null, balance_checked_at: null, last_used_at: null, created_at: 1, updated_at: 1 })
    .execute();
}

/** The test databases, and a SQLite file: there the batches are written from the write thread. */
const cases = [...testDatabases('usage recorder tests').map((each) => ({ ...each, file: false })), { name: 'a SQLite file, from its write thread', url: undefined, skip: false, file: true }];

describe.each(cases)('UsageRecorder on $name', ({ url, skip, file }) => {
  let handle: DatabaseHandle;
  let directory: string | undefined;
  // As the usage service makes it, with every batch going to the write thread where the database has one.
  const recorderOf = (options: Omit<UsageRecorderOptions, 'db' | 'logger'>) =>
    new UsageRecorder({ db: handle.db, offThreadWrite: handle.offThreadWrite, offThreadMinRows: 0, logger, ...options });
  const writeBatch = (rows: Insertable<RequestLogsTable>[], options: { retry?: boolean } = {}) =>
    handle.offThreadWrite ? handle.offThreadWrite(requestLogBatchJob, rows, options) : writeRequestLogBatch(handle.db, rows, options);

  beforeAll(async () => {
    if (skip) return;
    if (file) {
      directory = mkdtempSync(path.join(os.tmpdir(), 'usage-recorder-'));
      handle = openDatabase({ kind: 'sqlite', file: path.join(directory, 'sluice.db') });
      await migrateToLatest(handle.db);
      expect(handle.offThreadWrite).toBeDefined();
    } else {
      handle = await openTestDatabase(url);
    }
    await seedKeyAndAccount(handle);
  });
  afterAll(async () => {
    if (!skip) await handle.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it.skipIf(skip)('writes batched rows and updates key and account totals once per batch', async () => {
    const recorder = recorderOf({ flushIntervalMs: 60_000, batchSize: 3 });
    for (let index = 0; index < 7; index += 1) {
      recorder.record(toRequestLogRow(entry(`request-${index}`, { createdAt: 1_700_000_000_000 + index }), 0.001));
    }
    recorder.record(toRequestLogRow(entry('request-error', { createdAt: 1_700_000_000_100, accountId: null, provider: null, status: 'error', httpStatus: 429, errorType: 'rate_limited', errorMessage: 'x'.repeat(5000), usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 } }), 0));
    await recorder.close();
    expect(recorder.stats()).toMatchObject({ queued: 0, written: 8, dropped: 0 });

    const rows = await handle.db.selectFrom('request_logs').selectAll().orderBy('created_at').execute();
    expect(rows).toHaveLength(8);
    expect(rows[1]).toMatchObject({ id: 'request-1', api_key_id: 'key-1', input_tokens: 100, output_tokens: 50, cache_read_tokens: 10, cache_write_tokens: 5, credits: 0.5, cost: 0.001, stream: 1, latency_ms: 1200, ttft_ms: 300 });
    const failed = rows.find((row) => row.id === 'request-error');
    expect(failed?.error_message).toHaveLength(1000);
    expect(failed?.account_id).toBeNull();

    const key = await handle.db.selectFrom('api_keys').select(['total_requests', 'total_tokens', 'total_cost', 'last_used_at']).executeTakeFirstOrThrow();
    expect(key.total_requests).toBe(8);
    expect(key.total_tokens).toBe(7 * 165);
    expect(key.total_cost).toBeCloseTo(0.007, 12);
    expect(key.last_used_at).toBe(1_700_000_000_100);
    const account = await handle.db.selectFrom('accounts').select(['total_requests', 'total_tokens', 'total_credits']).executeTakeFirstOrThrow();
    expect(account).toEqual({ total_requests: 7, total_tokens: 7 * 165, total_credits: 3.5 });
  });

  it.skipIf(skip)('keeps a row whose request id was already used', async () => {
    const recorder = recorderOf({ flushIntervalMs: 60_000 });
    recorder.record(toRequestLogRow(entry('reused-id'), 0));
    await recorder.flush();
    recorder.record(toRequestLogRow(entry('reused-id'), 0));
    await recorder.close();
    const rows = await handle.db.selectFrom('request_logs').select('id').where('id', 'like', 'reused-id%').execute();
    expect(rows).toHaveLength(2);
  });

  it.skipIf(skip)('counts a retried batch once when its first attempt committed unseen', async () => {
    const rows = [toRequestLogRow(entry('retried-1', { createdAt: 1_700_000_001_000 }), 0.25), toRequestLogRow(entry('retried-2', { createdAt: 1_700_000_001_001 }), 0.25)];
    const costBefore = (await handle.db.selectFrom('api_keys').select('total_cost').executeTakeFirstOrThrow()).total_cost;
    await writeBatch(rows);
    // The acknowledgement was lost: the recorder writes the same rows again, as a retry.
    await writeBatch(rows, { retry: true });
    const stored = await handle.db.selectFrom('request_logs').select('id').where('id', 'like', 'retried-%').execute();
    expect(stored.map((row) => row.id).sort()).toEqual(['retried-1', 'retried-2']);
    const costAfter = (await handle.db.selectFrom('api_keys').select('total_cost').executeTakeFirstOrThrow()).total_cost;
    expect(Number(costAfter) - Number(costBefore)).toBeCloseTo(0.5, 9);
  });

  it.skipIf(skip)('writes a batch of any size through the reused statement shapes, every row with its own values', async () => {
    const recorder = recorderOf({ flushIntervalMs: 60_000, batchSize: 200 });
    // 87 = 64 + 16 + 4 + 1 + 1 + 1: every statement size, and a request id used twice inside one batch.
    for (let index = 0; index < 86; index += 1) recorder.record(toRequestLogRow(entry(`shape-${index}`, { latencyMs: index }), 0));
    recorder.record(toRequestLogRow(entry('shape-5', { latencyMs: 999 }), 0));
    await recorder.close();
    const rows = await handle.db.selectFrom('request_logs').select(['id', 'latency_ms']).where('id', 'like', 'shape-%').execute();
    expect(rows).toHaveLength(87);
    expect(rows.find((row) => row.id === 'shape-70')?.latency_ms).toBe(70);
    expect(rows.filter((row) => row.id.startsWith('shape-5~')).map((row) => row.latency_ms)).toEqual([999]);
  });
});

it("the batch write's job names the function it runs, as the write thread finds it", async () => {
  const module = (await import(requestLogBatchJob.module)) as Record<string, unknown>;
  expect(module[requestLogBatchJob.name]).toBe(requestLogBatchJob.run);
});

it('writes a burst on the connection, and sustained traffic through the write thread', async () => {
  const handle = await openTestDatabase();
  let clock = 1_700_000_000_000;
  const threadBatches: number[] = [];
  const offThreadWrite: OffThreadWrite = async (job, ...args) => {
    threadBatches.push((args[0] as unknown[]).length);
    return job.run(handle.db, ...args);
  };
  const recorder = new UsageRecorder({ db: handle.db, offThreadWrite, logger, flushIntervalMs: 60_000, batchSize: 200, now: () => clock });
  let next = 0;
  const requests = async (count: number) => {
    for (let index = 0; index < count; index += 1) recorder.record(toRequestLogRow(entry(`sustained-${(next += 1)}`), 0));
    await recorder.flush();
  };
  await requests(1_000);
  expect(threadBatches).toEqual([]);
  clock += 5_000;
  // 2,000 rows within 10 s: the batch that makes 2,000 goes to the thread.
  await requests(1_000);
  expect(threadBatches).toEqual([200]);
  clock += 11_000;
  await requests(200);
  expect(threadBatches).toEqual([200]);
  await recorder.close();
  expect(recorder.stats()).toMatchObject({ written: 2_200, queued: 0 });
  await handle.close();
});

describe('UsageRecorder when the database is down', () => {
  it('keeps a bounded queue, drops the oldest and counts them, then writes the rest', async () => {
    const handle = await openTestDatabase();
    await handle.db.schema.alterTable('request_logs').renameTo('request_logs_away').execute();
    const recorder = new UsageRecorder({ db: handle.db, logger, flushIntervalMs: 60_000, batchSize: 2, maxQueuedRows: 5 });
    for (let index = 0; index < 8; index += 1) recorder.record(toRequestLogRow(entry(`down-${index}`), 0));
    await recorder.flush();
    expect(recorder.stats()).toMatchObject({ queued: 5, dropped: 3, written: 0 });
    expect(recorder.stats().failedFlushes).toBeGreaterThan(0);

    await handle.db.schema.alterTable('request_logs_away').renameTo('request_logs').execute();
    await recorder.close();
    const ids = (await handle.db.selectFrom('request_logs').select('id').orderBy('id').execute()).map((row) => row.id);
    expect(ids).toEqual(['down-3', 'down-4', 'down-5', 'down-6', 'down-7']);
    await handle.close();
  });

  it('flushes on its own once a batch is full', async () => {
    const handle = await openTestDatabase();
    const recorder = new UsageRecorder({ db: handle.db, logger, flushIntervalMs: 60_000, batchSize: 2 });
    recorder.record(toRequestLogRow(entry('auto-1'), 0));
    recorder.record(toRequestLogRow(entry('auto-2'), 0));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(recorder.stats().written).toBe(2);
    await recorder.close();
    await handle.close();
  });
});
