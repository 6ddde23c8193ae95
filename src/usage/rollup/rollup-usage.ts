import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { readOnConnection, type HeavyRead } from '../../store/off-thread-reader.js';
import { computeDayRowsFromHours, percentileMethodOf, rollupQuery, toRollupRows } from './compute-rollup-rows.js';
import { rollupDimensions } from './rollup-dimension.js';
import { bucketSizeMs, bucketStartOf, rollupGranularities, type RollupGranularity } from './rollup-granularity.js';
import { upsertRollupRows } from './upsert-rollup-rows.js';

export interface RollupOptions {
  /** Earliest created_at written since the last run (late rows from a database outage); its bucket is redone. */
  dirtySince?: number | null;
  /** Raw rows before this time may already be deleted by retention: never recompute buckets before it. */
  floor?: number;
  /** Runs the raw-row aggregations of a pass that covers many rows, off the request path (see HeavyRead); default: on `db`. */
  heavyRead?: HeavyRead;
}

/** A pass over fewer raw rows than this is read on the server's own connection: a few milliseconds, and no thread to start. */
const inlineRowLimit = 2_000;

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
    const lastStart = Number(last.last);
    // A bucket last rolled up once it was final (past its late-row grace) cannot have changed since:
    // after a busy hour and a quiet one, the busy hour is not read again at every pass.
    const rolledAt = await db
      .selectFrom('usage_rollups')
      .select((expression) => expression.fn.min('updated_at').as('at'))
      .where('granularity', '=', granularity)
      .where('bucket_start', '=', lastStart)
      .executeTakeFirst();
    const settled = Number(rolledAt?.at ?? 0) >= lastStart + size + lateRowGraceMs;
    start = Math.min(start, settled ? lastStart + size : lastStart);
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
 * bucket), plus any bucket left behind since the last run (downtime) or touched by late rows. Hours
 * come from the raw rows, each grouping with its exact p95; days are summed from their hours
 * (`computeDayRowsFromHours`), so hours go first. Idempotent: rows are upserted by their group key,
 * each pass in its own transaction.
 */
export async function rollupUsage(db: Kysely<Database>, now: number, options: RollupOptions = {}): Promise<void> {
  for (const granularity of rollupGranularities) {
    const size = bucketSizeMs(granularity);
    const end = bucketStartOf(now, granularity) + size;
    for (let from = await firstBucketToRedo(db, granularity, now, options); from < end; from += size * bucketsPerPass) {
      const to = Math.min(end, from + size * bucketsPerPass);
      if (granularity === 'day') {
        await db.transaction().execute(async (transaction) => upsertRollupRows(transaction, await computeDayRowsFromHours(transaction, from, to, now)));
      } else {
        const rows = await aggregateRawRows(db, granularity, from, to, now, options.heavyRead);
        await db.transaction().execute((transaction) => upsertRollupRows(transaction, rows));
      }
    }
  }
}

/** Every grouping's roll-up rows for raw rows with `from <= created_at < to`, read from one snapshot. */
async function aggregateRawRows(db: Kysely<Database>, granularity: RollupGranularity, from: number, to: number, now: number, heavyRead: HeavyRead | undefined) {
  const method = percentileMethodOf(db);
  const queries = rollupDimensions.map((dimension) => rollupQuery(granularity, dimension, from, to, method).compile(db));
  let read: HeavyRead = (compiled) => db.transaction().execute((transaction) => readOnConnection(transaction)(compiled));
  if (heavyRead) {
    const counted = await db
      .selectFrom('request_logs')
      .select((expression) => expression.fn.countAll().as('rows'))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirst();
    if (Number(counted?.rows ?? 0) > inlineRowLimit) read = heavyRead;
  }
  const results = await read(queries);
  return results.flatMap((rows) => toRollupRows(granularity, rows, now));
}
