import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../store/db.js';
import { toRequestLogRow } from '../recorder/to-request-log-row.js';
import { UsageRecorder } from '../recorder/usage-recorder.js';
import { logEntry } from '../testing/log-entry.js';
import { openTestDatabase, testDatabases } from '../testing/open-test-database.js';
import { listRequestLogs, requestLogPageQuery } from './list-request-logs.js';

const start = Date.UTC(2026, 11, 6, 9);

describe.each(testDatabases('request-log listing tests'))('listRequestLogs on $name', ({ url, skip }) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    if (skip) return;
    handle = await openTestDatabase(url);
    const recorder = new UsageRecorder({ db: handle.db, logger: pino({ level: 'silent' }), flushIntervalMs: 60_000 });
    // 300 requests a second apart; every 100th failed.
    for (let index = 0; index < 300; index += 1) {
      const failed = index % 100 === 7;
      recorder.record(
        toRequestLogRow(
          logEntry({
            id: `log-${String(index).padStart(3, '0')}`,
            createdAt: start + index * 1000,
            status: failed ? 'error' : 'success',
            httpStatus: failed ? 502 : 200,
            errorType: failed ? 'upstream_error' : null,
            errorMessage: failed ? 'bad gateway' : null,
          }),
          0,
        ),
      );
    }
    await recorder.close();
  });
  afterAll(async () => {
    if (!skip) await handle.close();
  });

  it.skipIf(skip)('lists only failed requests, newest first, page by page', async () => {
    const first = await listRequestLogs(handle.db, { status: 'error', limit: 2 });
    expect(first.data.map((row) => row.id)).toEqual(['log-207', 'log-107']);
    const second = await listRequestLogs(handle.db, { status: 'error', limit: 2, cursor: first.next_cursor! });
    expect(second.data.map((row) => [row.id, row.status, row.http_status])).toEqual([['log-007', 'error', 502]]);
    expect(second.next_cursor).toBeNull();
  });
});

describe('listRequestLogs on SQLite', () => {
  it('finds failed requests through the index of failed rows, not by walking every row', async () => {
    const handle = await openTestDatabase();
    try {
      const compiled = requestLogPageQuery(handle.db, { status: 'error', limit: 50 }).compile();
      const plan = await handle.db.executeQuery<{ detail: string }>({ ...compiled, sql: `explain query plan ${compiled.sql}` });
      expect(plan.rows.map((row) => row.detail).join('\n')).toMatch(/request_logs_errors_idx/);
    } finally {
      await handle.close();
    }
  });
});
