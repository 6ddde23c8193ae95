import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { bucketStartOf } from '../rollup/rollup-granularity.js';
import { setImmediate as nextTurn } from 'node:timers/promises';

const dayMs = 86_400_000;
const rowsPerDelete = 5000;

/** The first moment whose raw rows are kept: the start of the UTC day `retentionDays` ago. */
export const retentionCutoff = (now: number, retentionDays: number): number => bucketStartOf(now - retentionDays * dayMs, 'day');

/**
 * Deletes raw request log rows older than the retention window, in small chunks so neither database
 * holds a long lock. Roll-ups are untouched; run the roll-up first so no bucket loses rows unrolled.
 * Returns how many rows were deleted.
 */
export async function deleteExpiredRequestLogs(db: Kysely<Database>, now: number, retentionDays: number): Promise<number> {
  const cutoff = retentionCutoff(now, retentionDays);
  let deleted = 0;
  for (;;) {
    const result = await db
      .deleteFrom('request_logs')
      .where('id', 'in', (query) => query.selectFrom('request_logs').select('id').where('created_at', '<', cutoff).limit(rowsPerDelete))
      .executeTakeFirst();
    const count = Number(result.numDeletedRows);
    deleted += count;
    if (count < rowsPerDelete) return deleted;
    // On SQLite each statement runs in the server's own thread: let waiting requests in between chunks.
    await nextTurn();
  }
}

