import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../store/db.js';
import { toRequestLogRow } from '../recorder/to-request-log-row.js';
import { logEntry } from '../testing/log-entry.js';
import { openTestDatabase } from '../testing/open-test-database.js';
import { percentileMethodOf, rollupQuery } from './compute-rollup-rows.js';
import { rollupDimensions } from './rollup-dimension.js';

const hour = 3_600_000;
const hourStart = Date.UTC(2026, 10, 20, 10);
const groupCount = 300;

/** A fixed pseudo-random sequence, so a failure can be replayed. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('rollupQuery on SQLite', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openTestDatabase();
    // Model groups of every size from 1 to 300, latencies with many repeats, over two hours, three keys,
    // two accounts and a few failed requests with neither account nor provider.
    const random = sequence(7);
    const rows = [];
    for (let group = 0; group < groupCount; group += 1) {
      for (let index = 0; index <= group; index += 1) {
        const failed = random() < 0.05;
        rows.push(
          toRequestLogRow(
            logEntry({
              id: `group-${group}-${index}`,
              createdAt: hourStart + Math.floor(random() * 2 * hour),
              apiKeyId: `key-${Math.floor(random() * 3)}`,
              accountId: failed ? null : `account-${Math.floor(random() * 2)}`,
              provider: failed ? null : 'anthropic',
              requestedModel: `model-${group}`,
              latencyMs: Math.floor(random() * 400),
              status: failed ? 'error' : 'success',
            }),
            0.001,
          ),
        );
      }
    }
    for (let offset = 0; offset < rows.length; offset += 500) await handle.db.insertInto('request_logs').values(rows.slice(offset, offset + 500)).execute();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('uses the registered aggregate on SQLite', () => {
    expect(percentileMethodOf(handle.db)).toBe('aggregate');
  });

  it.each(rollupDimensions)('gives the same rows, p95s included, with the aggregate as with window functions (%s)', async (dimension) => {
    const read = async (method: 'window' | 'aggregate') => {
      const { rows } = await rollupQuery('hour', dimension, hourStart, hourStart + 2 * hour, method).execute(handle.db);
      return rows.map((row) => JSON.stringify(row)).sort();
    };
    const windowed = await read('window');
    expect(windowed.length).toBeGreaterThan(1);
    expect(await read('aggregate')).toEqual(windowed);
  });
});
