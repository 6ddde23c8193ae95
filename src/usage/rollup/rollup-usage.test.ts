import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../store/db.js';
import { toRequestLogRow } from '../recorder/to-request-log-row.js';
import { UsageRecorder } from '../recorder/usage-recorder.js';
import type { RequestLogEntry } from '../request-log-entry.js';
import { deleteExpiredRequestLogs } from '../retention/delete-expired-request-logs.js';
import { logEntry } from '../testing/log-entry.js';
import { openTestDatabase, testDatabases } from '../testing/open-test-database.js';
import { rollupUsage } from './rollup-usage.js';

const hour = 3_600_000;
const day = 24 * hour;
const dayStart = Date.UTC(2026, 10, 20);

function entry(index: number, overrides: Partial<RequestLogEntry>): RequestLogEntry {
  return logEntry({
    id: `rollup-${index}`,
    createdAt: dayStart + 10 * hour + index,
    apiKeyId: 'key-a',
    clientFormat: 'openai',
    usage: { inputTokens: 10, outputTokens: 20, cacheReadTokens: 3, cacheWriteTokens: 1 },
    latencyMs: (index + 1) * 10,
    ...overrides,
  });
}

describe.each(testDatabases('roll-up tests'))('rollupUsage on $name', ({ url, skip }) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    if (skip) return;
    handle = await openTestDatabase(url);
    const recorder = new UsageRecorder({ db: handle.db, logger: pino({ level: 'silent' }), flushIntervalMs: 60_000 });
    // 20 requests in hour 10 on key-a (latencies 10..200 ms), 2 of them errors without an account;
    // 5 requests in hour 11 on key-b with gpt-4o through openai; 1 request two days earlier.
    for (let index = 0; index < 20; index += 1) {
      const failed = index >= 18;
      recorder.record(toRequestLogRow(entry(index, failed ? { status: 'error', httpStatus: 503, accountId: null, provider: null, usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 } } : {}), failed ? 0 : 0.5));
    }
    for (let index = 20; index < 25; index += 1) {
      recorder.record(toRequestLogRow(entry(index, { createdAt: dayStart + 11 * hour + index, apiKeyId: 'key-b', accountId: 'account-2', provider: 'openai', requestedModel: 'gpt-4o', usage: { inputTokens: 100, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, credits: 2 } }), 0.25));
    }
    recorder.record(toRequestLogRow(entry(99, { createdAt: dayStart - 2 * day + hour }), 1));
    await recorder.close();
    await rollupUsage(handle.db, dayStart + 11 * hour + 30 * 60_000);
  });
  afterAll(async () => {
    if (!skip) await handle.close();
  });

  const rollup = (granularity: string, bucket: number, columns: Partial<Record<'api_key_id' | 'account_id' | 'provider' | 'model', string>>) =>
    handle.db
      .selectFrom('usage_rollups')
      .selectAll()
      .where('granularity', '=', granularity)
      .where('bucket_start', '=', bucket)
      .where('api_key_id', '=', columns.api_key_id ?? '*')
      .where('account_id', '=', columns.account_id ?? '*')
      .where('provider', '=', columns.provider ?? '*')
      .where('model', '=', columns.model ?? '*')
      .executeTakeFirst();

  it.skipIf(skip)('aggregates every token kind, cost, credits and latency per hour', async () => {
    expect(await rollup('hour', dayStart + 10 * hour, {})).toMatchObject({
      requests: 20,
      successes: 18,
      errors: 2,
      input_tokens: 180,
      output_tokens: 360,
      cache_read_tokens: 54,
      cache_write_tokens: 18,
      cost: 9,
      credits: 0,
      latency_sum: 2100,
      latency_max: 200,
      latency_p95: 190,
    });
    expect(await rollup('hour', dayStart + 11 * hour, { model: 'gpt-4o' })).toMatchObject({ requests: 5, input_tokens: 500, cost: 1.25, credits: 10, latency_p95: 250 });
  });

  it.skipIf(skip)('keeps exact groupings by key, provider, model and account', async () => {
    const day10 = await rollup('day', dayStart, {});
    expect(day10).toMatchObject({ requests: 25, successes: 23, errors: 2, cost: 10.25, latency_max: 250 });
    expect(await rollup('day', dayStart, { api_key_id: 'key-b' })).toMatchObject({ requests: 5, cost: 1.25 });
    expect(await rollup('day', dayStart, { provider: 'anthropic' })).toMatchObject({ requests: 18 });
    expect(await rollup('day', dayStart, { provider: '' })).toMatchObject({ requests: 2, errors: 2 });
    expect(await rollup('day', dayStart, { account_id: 'account-2', provider: 'openai' })).toMatchObject({ requests: 5, credits: 10 });
    expect(await rollup('day', dayStart, { model: 'claude-sonnet-4.5' })).toMatchObject({ requests: 20 });
  });

  it.skipIf(skip)('sums a day from its hours, with the highest hourly p95 as the day p95', async () => {
    // Hour 10's p95 is 190 ms and hour 11's 250 ms; the 25 latencies' own p95 would be 240 ms.
    expect(await rollup('day', dayStart, {})).toMatchObject({ requests: 25, latency_sum: 2100 + 5 * 230, latency_max: 250, latency_p95: 250 });
    expect(await rollup('day', dayStart, { model: 'claude-sonnet-4.5' })).toMatchObject({ requests: 20, latency_p95: 190 });
  });

  it.skipIf(skip)('rolls up buckets left behind before the first run, and is idempotent', async () => {
    expect(await rollup('day', dayStart - 2 * day, {})).toMatchObject({ requests: 1, cost: 1 });
    await rollupUsage(handle.db, dayStart + 11 * hour + 40 * 60_000);
    expect(await rollup('hour', dayStart + 10 * hour, {})).toMatchObject({ requests: 20 });
    const count = await handle.db.selectFrom('usage_rollups').select((expression) => expression.fn.countAll().as('count')).executeTakeFirstOrThrow();
    await rollupUsage(handle.db, dayStart + 11 * hour + 50 * 60_000);
    const again = await handle.db.selectFrom('usage_rollups').select((expression) => expression.fn.countAll().as('count')).executeTakeFirstOrThrow();
    expect(Number(again.count)).toBe(Number(count.count));
  });

  it.skipIf(skip)('converges when several instances roll up at once', async () => {
    const at = dayStart + 11 * hour + 45 * 60_000;
    await Promise.all([rollupUsage(handle.db, at, { dirtySince: dayStart }), rollupUsage(handle.db, at, { dirtySince: dayStart }), rollupUsage(handle.db, at)]);
    expect(await rollup('hour', dayStart + 10 * hour, {})).toMatchObject({ requests: 20, latency_p95: 190 });
    expect(await rollup('day', dayStart, {})).toMatchObject({ requests: 25 });
  });

  it.skipIf(skip)('redoes a day from its hours, not by reading the whole day of raw rows again', async () => {
    const hourTen = handle.db.selectFrom('request_logs').where('created_at', '>=', dayStart + 10 * hour).where('created_at', '<', dayStart + 11 * hour);
    const kept = await hourTen.selectAll().execute();
    await handle.db.deleteFrom('request_logs').where('id', 'in', kept.map((row) => row.id)).execute();
    try {
      // Past the grace period of hour 11: hour 10 is final and is not read again, though the day is redone.
      await rollupUsage(handle.db, dayStart + 11 * hour + 55 * 60_000);
      expect(await rollup('day', dayStart, {})).toMatchObject({ requests: 25, successes: 23 });
    } finally {
      await handle.db.insertInto('request_logs').values(kept).execute();
    }
  });

  it.skipIf(skip)('retention deletes old raw rows and keeps their roll-ups', async () => {
    const now = dayStart + 11 * hour;
    const deleted = await deleteExpiredRequestLogs(handle.db, now, 1);
    expect(deleted).toBe(1);
    const remaining = await handle.db.selectFrom('request_logs').select('id').where('created_at', '<', dayStart - day).execute();
    expect(remaining).toHaveLength(0);
    await rollupUsage(handle.db, now, { floor: dayStart - day, dirtySince: dayStart - 2 * day });
    expect(await rollup('day', dayStart - 2 * day, {})).toMatchObject({ requests: 1, cost: 1 });
    expect(await rollup('hour', dayStart - 2 * day + hour, {})).toMatchObject({ requests: 1 });
  });
});
