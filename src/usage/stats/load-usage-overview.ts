import { sql, type Kysely } from 'kysely';
import type { AccountRecord } from '../../accounts/account-record.js';
import { deriveAccountStatus } from '../../accounts/derive-account-status.js';
import { dayStartIn } from '../../core/day-boundary.js';
import type { Database } from '../../store/schema.js';
import { bucketStartOf } from '../rollup/rollup-granularity.js';
import { rollupGroupFilter } from './rollup-group-filter.js';
import { renderFigures, summedFiguresSchema, summedFiguresSql } from './usage-figures.js';

const dayMs = 86_400_000;

async function totalsSince(db: Kysely<Database>, from: number) {
  const result = await sql<Record<string, unknown>>`
    select ${summedFiguresSql} from usage_rollups
    where granularity = 'hour' and ${rollupGroupFilter('none')} and bucket_start >= ${from}
  `.execute(db);
  const figures = summedFiguresSchema.parse(result.rows[0] ?? {});
  const rendered = renderFigures(figures);
  return {
    ...rendered,
    error_rate: figures.requests > 0 ? Math.round((figures.errors / figures.requests) * 10_000) / 10_000 : 0,
    total_tokens: rendered.input_tokens + rendered.output_tokens + rendered.cache_read_tokens + rendered.cache_write_tokens,
  };
}

type AccountState = Pick<AccountRecord, 'enabled' | 'status' | 'cooldownUntil'>;

/** From the account cache when the pool is wired, otherwise from the accounts table. */
async function accountStates(db: Kysely<Database>, accounts: readonly AccountRecord[] | null): Promise<readonly AccountState[]> {
  if (accounts) return accounts;
  const rows = await db.selectFrom('accounts').select(['enabled', 'status', 'cooldown_until']).execute();
  return rows.map((row) => ({
    enabled: Boolean(row.enabled),
    status: row.status as AccountRecord['status'],
    cooldownUntil: row.cooldown_until === null ? null : Number(row.cooldown_until),
  }));
}

/** Counted by their status as of now: a cooldown that has passed counts as active. */
function countAccounts(accounts: readonly AccountState[], now: number) {
  const counts = { total: 0, active: 0, cooling: 0, quota_exhausted: 0, disabled: 0 };
  for (const account of accounts) {
    const { status } = deriveAccountStatus({ ...account, statusReason: null, balance: null, balanceThreshold: null }, now);
    counts.total += 1;
    counts[account.enabled ? status : 'disabled'] += 1;
  }
  return counts;
}

/**
 * Totals for today (since local midnight in `timeZone`), the last 7 and 30 days (whole hours), and account
 * health counts. Reads the hourly roll-ups, which the caller brings up to date first.
 */
export async function loadUsageOverview(db: Kysely<Database>, now: number, accounts: readonly AccountRecord[] | null, timeZone = 'UTC') {
  const [today, lastWeek, lastMonth, states] = await Promise.all([
    totalsSince(db, dayStartIn(timeZone, now)),
    totalsSince(db, bucketStartOf(now - 7 * dayMs, 'hour') + 3_600_000),
    totalsSince(db, bucketStartOf(now - 30 * dayMs, 'hour') + 3_600_000),
    accountStates(db, accounts),
  ]);
  return {
    timezone: timeZone,
    today_started_at: new Date(dayStartIn(timeZone, now)).toISOString(),
    today,
    last_7_days: lastWeek,
    last_30_days: lastMonth,
    accounts: countAccounts(states, now),
  };
}
