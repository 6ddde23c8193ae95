import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../store/db.js';
import { migrateToLatest } from '../../store/migrate.js';
import { toRequestLogRow } from '../recorder/to-request-log-row.js';
import { UsageRecorder } from '../recorder/usage-recorder.js';
import { logEntry } from '../testing/log-entry.js';
import { rollupUsage } from './rollup-usage.js';

const hour = 3_600_000;
const hourStart = Date.UTC(2026, 10, 20, 10);
const rowCount = 6_000;

describe('rollupUsage of a busy hour on a SQLite file', () => {
  let directory: string;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'rollup-off-thread-'));
    handle = openDatabase({ kind: 'sqlite', file: path.join(directory, 'sluice.db') });
    await migrateToLatest(handle.db);
    const recorder = new UsageRecorder({ db: handle.db, logger: pino({ level: 'silent' }), flushIntervalMs: 60_000 });
    for (let index = 0; index < rowCount; index += 1) {
      const failed = index % 50 === 0;
      const entry = logEntry({
        id: `busy-${index}`,
        createdAt: hourStart + Math.floor((index * hour) / rowCount),
        apiKeyId: `key-${index % 3}`,
        accountId: failed ? null : `account-${index % 4}`,
        provider: failed ? null : 'anthropic',
        requestedModel: `model-${index % 5}`,
        usage: { inputTokens: index % 7, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0 },
        latencyMs: (index * 37) % 1000,
        status: failed ? 'error' : 'success',
        httpStatus: failed ? 503 : 200,
      });
      recorder.record(toRequestLogRow(entry, 0.001));
    }
    await recorder.close();
  });
  afterAll(async () => {
    await handle.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const storedRollups = async () =>
    (await handle.db.selectFrom('usage_rollups').selectAll().orderBy(['granularity', 'bucket_start', 'api_key_id', 'account_id', 'provider', 'model']).execute()).map(
      ({ updated_at: _updatedAt, ...row }) => row,
    );

  it('reads the raw rows in the reader thread and stores the same roll-ups as a read on the connection', async () => {
    const now = hourStart + 30 * 60_000 + hour;
    await rollupUsage(handle.db, now);
    const inline = await storedRollups();
    await handle.db.deleteFrom('usage_rollups').execute();

    let threadReads = 0;
    await rollupUsage(handle.db, now, {
      heavyRead: async (queries) => {
        threadReads += 1;
        return handle.heavyRead!(queries);
      },
    });
    expect(threadReads).toBe(1);
    expect(await storedRollups()).toEqual(inline);
    expect(inline.find((row) => row.granularity === 'hour' && row.api_key_id === '*' && row.model === '*' && row.provider === '*')).toMatchObject({
      requests: rowCount,
      errors: rowCount / 50,
    });
  });

  it('does not read a busy hour again once it was rolled up final, however long the gateway stays quiet', async () => {
    // The first test rolled the busy hour up 30 minutes after it ended, past its late-row grace.
    let reads = 0;
    for (const minutes of [5, 6, 7]) {
      await rollupUsage(handle.db, hourStart + 3 * hour + minutes * 60_000, {
        heavyRead: async (queries) => {
          reads += 1;
          return handle.heavyRead!(queries);
        },
      });
    }
    expect(reads).toBe(0);
    const everything = (await storedRollups()).find((row) => row.granularity === 'hour' && row.api_key_id === '*' && row.account_id === '*' && row.provider === '*' && row.model === '*');
    expect(everything).toMatchObject({ bucket_start: hourStart, requests: rowCount });
  });

  it('reads a quiet pass on the connection, with no thread to start', async () => {
    const quietHour = hourStart + 3 * hour;
    await handle.db
      .insertInto('request_logs')
      .values({ ...(await handle.db.selectFrom('request_logs').selectAll().where('id', '=', 'busy-1').executeTakeFirstOrThrow()), id: 'quiet-1', created_at: quietHour + 60_000 })
      .execute();
    await rollupUsage(handle.db, quietHour + 5 * 60_000, { heavyRead: handle.heavyRead! });
    let threadReads = 0;
    // The busy hour is behind it now: this pass reads only the quiet hour and the one before it.
    await rollupUsage(handle.db, quietHour + 6 * 60_000, { heavyRead: async () => (threadReads += 1, []) });
    expect(threadReads).toBe(0);
    const quiet = await storedRollups();
    expect(quiet.find((row) => row.granularity === 'hour' && row.bucket_start === quietHour && row.api_key_id === '*' && row.model === '*' && row.provider === '*')).toMatchObject({ requests: 1 });
  });
});
