import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../store/schema.js';
import { noValue } from '../rollup/rollup-dimension.js';
import { bucketStartOf } from '../rollup/rollup-granularity.js';
import { rollupGroupFilter } from './rollup-group-filter.js';
import { averageLatency, renderFigures, summedFiguresSchema, summedFiguresSql } from './usage-figures.js';

export type BreakdownKind = 'keys' | 'models' | 'accounts';

const keyRowSchema = summedFiguresSchema.extend({ api_key_id: z.string(), name: z.string().nullable(), deleted_at: z.coerce.number().nullable() });
const modelRowSchema = summedFiguresSchema.extend({ model: z.string() });
const accountRowSchema = summedFiguresSchema.extend({ account_id: z.string(), provider: z.string(), name: z.string().nullable() });

const range = (from: number, to: number) =>
  sql`usage_rollups.granularity = 'hour' and usage_rollups.bucket_start >= ${bucketStartOf(from, 'hour')} and usage_rollups.bucket_start < ${to}`;
const nullable = (value: string) => (value === noValue ? null : value);

/**
 * Usage per API key, model or account over [from, to) (rounded out to whole hours), busiest first.
 * Names come from the key and account rows; a deleted key keeps its row (and name) and says `key_revoked`.
 */
export async function loadUsageBreakdown(db: Kysely<Database>, kind: BreakdownKind, from: number, to: number) {
  switch (kind) {
    case 'keys': {
      const result = await sql<Record<string, unknown>>`
        select usage_rollups.api_key_id, max(api_keys.name) as name, max(api_keys.deleted_at) as deleted_at, ${summedFiguresSql}
        from usage_rollups left join api_keys on api_keys.id = usage_rollups.api_key_id
        where ${rollupGroupFilter('key')} and ${range(from, to)}
        group by usage_rollups.api_key_id
      `.execute(db);
      return sortByRequests(
        result.rows.map((raw) => {
          const row = keyRowSchema.parse(raw);
          return { key_id: row.api_key_id, key_name: row.name, key_revoked: row.deleted_at !== null, ...renderFigures(row), latency_avg_ms: averageLatency(row) };
        }),
      );
    }
    case 'models': {
      const result = await sql<Record<string, unknown>>`
        select model, ${summedFiguresSql} from usage_rollups
        where ${rollupGroupFilter('model')} and ${range(from, to)}
        group by model
      `.execute(db);
      return sortByRequests(
        result.rows.map((raw) => {
          const row = modelRowSchema.parse(raw);
          return { model: row.model, ...renderFigures(row), latency_avg_ms: averageLatency(row) };
        }),
      );
    }
    case 'accounts': {
      const result = await sql<Record<string, unknown>>`
        select usage_rollups.account_id, usage_rollups.provider, max(accounts.name) as name, ${summedFiguresSql}
        from usage_rollups left join accounts on accounts.id = usage_rollups.account_id
        where ${rollupGroupFilter('account')} and ${range(from, to)}
        group by usage_rollups.account_id, usage_rollups.provider
      `.execute(db);
      return sortByRequests(
        result.rows.map((raw) => {
          const row = accountRowSchema.parse(raw);
          return { account_id: nullable(row.account_id), account_name: row.name, provider: nullable(row.provider), ...renderFigures(row), latency_avg_ms: averageLatency(row) };
        }),
      );
    }
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown breakdown ${String(unreachable)}`);
    }
  }
}

function sortByRequests<T extends { requests: number }>(rows: T[]): T[] {
  return rows.sort((left, right) => right.requests - left.requests);
}
