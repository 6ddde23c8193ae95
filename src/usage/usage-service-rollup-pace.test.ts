import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../settings/settings-schema.js';
import type { DatabaseHandle } from '../store/db.js';
import type { HeavyRead } from '../store/off-thread-reader.js';
import { readOnConnection } from '../store/off-thread-reader.js';
import { logEntry } from './testing/log-entry.js';
import { openTestDatabase } from './testing/open-test-database.js';
import { rollupPasses } from './testing/rollup-passes.js';
import { UsageMetrics } from './metrics/usage-metrics.js';
import { createUsageService, type UsageService } from './usage-service.js';


describe('createUsageService roll-up pace', () => {
  let handle: DatabaseHandle;
  let service: UsageService;
  let heavyReads = 0;
  const metrics = new UsageMetrics();

  beforeAll(async () => {
    handle = await openTestDatabase();
    const settings = settingsSchema.parse({});
    // Stands for a busy hour read in the thread: more than 2,000 rows, and a pass that takes 300 ms.
    const slowRead: HeavyRead = async (queries) => {
      heavyReads += 1;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return readOnConnection(handle.db)(queries);
    };
    service = createUsageService({ db: handle.db, heavyRead: slowRead, logger: pino({ level: 'silent' }), settings: () => settings, metrics, maxQueuedRows: 10_000 });
    for (let index = 0; index < 2_100; index += 1) service.record(logEntry({ id: `busy-${index}` }));
  });
  afterAll(async () => {
    await service.close();
    await handle.close();
  });

  const requestsToday = async () => (await service.db.selectFrom('usage_rollups').select('requests').where('granularity', '=', 'day').where('api_key_id', '=', '*').where('account_id', '=', '*').where('provider', '=', '*').where('model', '=', '*').executeTakeFirst())?.requests;

  it('answers reads from the last roll-up while a slow one is recent, and rolls up again once it is not', async () => {
    const started = performance.now();
    await service.refreshForRead();
    const passMs = performance.now() - started;
    const passEnded = performance.now();
    expect(heavyReads).toBe(1);
    expect(await requestsToday()).toBe(2_100);
    // The pass shows on /metrics with the time its reads took (the 300 ms read above).
    const afterFirst = await rollupPasses(metrics);
    expect(afterFirst.count).toBe(1);
    expect(afterFirst.seconds).toBeGreaterThanOrEqual(0.29);
    expect(afterFirst.seconds).toBeLessThanOrEqual(passMs / 1000);

    service.record(logEntry({ id: 'late-1' }));
    await service.refreshForRead();
    expect(heavyReads).toBe(1);
    expect(await requestsToday()).toBe(2_100);
    expect((await rollupPasses(metrics)).count).toBe(1);

    // Nine times the pass (300 ms or more) after it ended, the next read rolls up again and counts the new row.
    await new Promise((resolve) => setTimeout(resolve, passEnded + 9 * passMs + 100 - performance.now()));
    await service.refreshForRead();
    expect(heavyReads).toBe(2);
    expect(await requestsToday()).toBe(2_101);
  });

  it('still rolls up whenever asked to directly (retention rolls up before it deletes)', async () => {
    service.record(logEntry({ id: 'late-2' }));
    await service.rollup();
    expect(await requestsToday()).toBe(2_102);
  });
});
