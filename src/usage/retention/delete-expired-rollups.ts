import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { retentionCutoff } from './delete-expired-request-logs.js';
import { setImmediate as nextTurn } from 'node:timers/promises';

const dayMs = 86_400_000;

/**
 * Deletes hourly and daily roll-ups older than their own retention window, one day of buckets per
 * statement so neither database holds a long lock. Roll-ups never go before the raw rows they sum
 * (the window is at least the log retention), or a later roll-up run could not rebuild them.
 * Returns how many roll-up rows were deleted.
 */
export async function deleteExpiredRollups(db: Kysely<Database>, now: number, rollupRetentionDays: number, logRetentionDays: number): Promise<number> {
  const cutoff = retentionCutoff(now, Math.max(rollupRetentionDays, logRetentionDays));
  let deleted = 0;
  for (;;) {
    const oldest = await db.selectFrom('usage_rollups').select((builder) => builder.fn.min('bucket_start').as('start')).executeTakeFirst();
    const start = oldest?.start === null || oldest?.start === undefined ? null : Number(oldest.start);
    if (start === null || start >= cutoff) return deleted;
    const result = await db
      .deleteFrom('usage_rollups')
      .where('bucket_start', '<', Math.min(start + dayMs, cutoff))
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
    // On SQLite each statement runs in the server's own thread: let waiting requests in between chunks.
    await nextTurn();
  }
}
