import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../store/db.js';
import { toRequestLogRow } from '../recorder/to-request-log-row.js';
import { UsageRecorder } from '../recorder/usage-recorder.js';
import { logEntry } from '../testing/log-entry.js';
import { openTestDatabase } from '../testing/open-test-database.js';
import { deleteExpiredRequestLogs } from './delete-expired-request-logs.js';

const day = 86_400_000;
const now = Date.UTC(2026, 11, 6, 12);
const expired = 12_000;

describe('deleteExpiredRequestLogs on SQLite', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openTestDatabase();
    const recorder = new UsageRecorder({ db: handle.db, logger: pino({ level: 'silent' }), flushIntervalMs: 60_000, batchSize: 2_000, maxQueuedRows: 20_000 });
    for (let index = 0; index < expired + 10; index += 1) {
      const createdAt = index < expired ? now - 40 * day + index : now - day + index;
      recorder.record(toRequestLogRow(logEntry({ id: `old-${index}`, createdAt }), 0));
    }
    await recorder.close();
  });
  afterAll(async () => handle.close());

  it('deletes what is past the window in chunks, letting other work run between them', async () => {
    let turns = 0;
    let deleting = true;
    const turn = () => {
      turns += 1;
      if (deleting) setImmediate(turn);
    };
    setImmediate(turn);
    const deleted = await deleteExpiredRequestLogs(handle.db, now, 30).finally(() => (deleting = false));
    expect(deleted).toBe(expired);
    // Three chunks of 5,000: the event loop turned between them, not only once it was all done.
    expect(turns).toBeGreaterThanOrEqual(2);
    const left = await handle.db.selectFrom('request_logs').select((expression) => expression.fn.countAll().as('rows')).executeTakeFirstOrThrow();
    expect(Number(left.rows)).toBe(10);
  });
});
