import { sql, type RawBuilder } from 'kysely';
import { allValues, dimensionFilter, type RollupDimension } from '../rollup/rollup-dimension.js';

const columnNames = { apiKeyId: 'api_key_id', accountId: 'account_id', provider: 'provider', model: 'model' } as const;

/** SQL condition selecting the stored rows of one grouping ('*' exactly where it aggregates). */
export function rollupGroupFilter(dimension: RollupDimension, table = 'usage_rollups'): RawBuilder<unknown> {
  const filter = dimensionFilter(dimension);
  const conditions = (Object.keys(columnNames) as Array<keyof typeof columnNames>).map((key) =>
    filter[key] === 'all' ? `${table}.${columnNames[key]} = '${allValues}'` : `${table}.${columnNames[key]} <> '${allValues}'`,
  );
  return sql.raw(conditions.join(' and '));
}
