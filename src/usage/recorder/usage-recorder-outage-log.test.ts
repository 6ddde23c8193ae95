import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { logEntry } from '../testing/log-entry.js';
import { openTestDatabase } from '../testing/open-test-database.js';
import { toRequestLogRow } from './to-request-log-row.js';
import { UsageRecorder } from './usage-recorder.js';

const entry = (id: string) =>
  logEntry({ id, createdAt: 1_700_000_000_000, apiKeyId: 'key-outage', accountId: null, usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, credits: 0 }, latencyMs: 10 });

describe('UsageRecorder through a long outage', () => {
  it('logs the failing flushes once (then every 30th), keeps the rows, and says when writes resume', async () => {
    const handle = await openTestDatabase();
    const lines: Array<{ level: number; msg: string }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    await handle.db.schema.alterTable('request_logs').renameTo('request_logs_away').execute();
    const recorder = new UsageRecorder({ db: handle.db, logger, flushIntervalMs: 60_000 });
    recorder.record(toRequestLogRow(entry('during-outage'), 0));
    // Ten seconds of a one-second flush timer.
    for (let tick = 0; tick < 10; tick += 1) await recorder.flush();
    expect(recorder.stats()).toMatchObject({ queued: 1, failedFlushes: 10 });
    expect(lines.filter((line) => line.level >= 50)).toHaveLength(1);

    await handle.db.schema.alterTable('request_logs_away').renameTo('request_logs').execute();
    await recorder.flush();
    expect(recorder.stats()).toMatchObject({ queued: 0, written: 1 });
    expect(lines.at(-1)).toMatchObject({ msg: 'request log writes resumed' });
    await recorder.close();
    await handle.close();
  });
});
