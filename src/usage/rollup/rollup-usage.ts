import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { computeRollupRows } from './compute-rollup-rows.js';
import { rollupDimensions } from './rollup-dimension.js';
import { bucketSizeMs, bucketStartOf, rollupGranularities, type RollupGranularity } from './rollup-granularity.js';
import { upsertRollupRows } from './upsert-rollup-rows.js';

export interface RollupOptions {
  /** Earliest created_at written since the last run (late rows from a database outage); its bucket is redone. */
  dirtySince?: number | null;
  /** Raw rows before this time may already be deleted by retention: never recompute buckets before it. */
  floor?: number;
}

const bucketsPerPass = 48;
/** Other instances flush within seconds; the previous bucket is redone only this long into a new one. */
const lateRowGraceMs = 10 * 60_000;

async function firstBucketToRedo(db: Kysely<Database>, granularity: RollupGranularity, now: number, options: RollupOptions): Promise<number> {
  const size = bucketSizeMs(granularity);
  let start = bucketStartOf(now, granularity);
  if (now - start < lateRowGraceMs) start -= size;
  const last = await db
    .selectFrom('usage_rollups')
    .select((expression) => expression.fn.max('bucket_start').as('last'))
    .where('granularity', '=', granularity)
    .executeTakeFirst();
  if (last?.last !== null && last?.last !== undefined) {
    start = Math.min(start, Number(last.last));
  } else {
    const earliest = await db
      .selectFrom('request_logs')
      .select((expression) => expression.fn.min('created_at').as('earliest'))
      .executeTakeFirst();
    if (earliest?.earliest !== null && earliest?.earliest !== undefined) start = Math.min(start, bucketStartOf(Number(earliest.earliest), granularity));
  }
  if (options.dirtySince !== null && options.dirtySince !== undefined) start = Math.min(start, bucketStartOf(options.dirtySince, granularity));
  // Once roll-ups exist, buckets retention may have emptied are final. A first run (fresh install or
  // upgrade) rolls up every raw row there is, however old.
  const rolledBefore = last?.last !== null && last?.last !== undefined;
  if (rolledBefore && options.floor !== undefined) start = Math.max(start, bucketStartOf(options.floor + size - 1, granularity));
  return start;
}

/**
 * Recomputes the hourly and daily roll-ups for the current bucket (and the previous one early in a new
 * bucket), plus any bucket left behind since the last run (downtime) or touched by late rows. Idempotent: rows are upserted by
 * their group key, each pass in its own transaction.
 */
export async function rollupUsage(db: Kysely<Database>, now: number, options: RollupOptions = {}): Promise<void> {
  for (const granularity of rollupGranularities) {
    const size = bucketSizeMs(granularity);
    const end = bucketStartOf(now, granularity) + size;
    for (let from = await firstBucketToRedo(db, granularity, now, options); from < end; from += size * bucketsPerPass) {
      const to = Math.min(end, from + size * bucketsPerPass);
      await db.transaction().execute(async (transaction) => {
        for (const dimension of rollupDimensions) {
          const rows = await computeRollupRows(transaction, granularity, dimension, from, to, now);
          await upsertRollupRows(transaction, rows);
        }
      });
    }
  }
}
