import type { Database as SqliteDatabase } from 'better-sqlite3';

/**
 * The nearest-rank percentile of the values in a group: the value whose rank, in ascending order, is
 * ceil(percent × n / 100), written as (percent × n + 99) / 100 in integer arithmetic, as the roll-up's
 * window-function form writes it. Nulls are left out; a group with no values gives null.
 */
export function nearestRank(values: number[], percent: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor((percent * sorted.length + 99) / 100) - 1]!;
}

interface PercentileState {
  values: number[];
  percent: number;
}

/**
 * SQL functions SQLite lacks and Sluice's queries use, registered on every connection that runs them
 * (the server's and the read thread's).
 *
 * `percentile_nearest_rank(value, percent)` is an aggregate: a plain GROUP BY with it costs about a
 * quarter of the window functions (row_number and count over each group, sorted by value) that give the
 * same figure portably; PostgreSQL runs those in its own process instead.
 */
export function registerSqliteFunctions(database: SqliteDatabase): void {
  database.aggregate('percentile_nearest_rank', {
    varargs: true,
    start: (): PercentileState => ({ values: [], percent: 0 }),
    step: (state: PercentileState, ...[value, percent]: unknown[]) => {
      state.percent = Number(percent);
      if (!(state.percent > 0 && state.percent <= 100)) throw new RangeError('percentile_nearest_rank(value, percent) needs a percent above 0 and at most 100.');
      if (value !== null && value !== undefined) state.values.push(Number(value));
    },
    result: (state: PercentileState) => nearestRank(state.values, state.percent),
  });
}
