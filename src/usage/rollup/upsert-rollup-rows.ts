import type { Insertable, Kysely } from 'kysely';
import type { Database, UsageRollupsTable } from '../../store/schema.js';

const chunkSize = 500;

/** Inserts or replaces roll-up rows by their group key; concurrent runs on several instances converge. */
export async function upsertRollupRows(db: Kysely<Database>, rows: Insertable<UsageRollupsTable>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await db
      .insertInto('usage_rollups')
      .values(rows.slice(start, start + chunkSize))
      .onConflict((conflict) =>
        conflict.columns(['granularity', 'bucket_start', 'api_key_id', 'account_id', 'provider', 'model']).doUpdateSet((update) => ({
          requests: update.ref('excluded.requests'),
          successes: update.ref('excluded.successes'),
          errors: update.ref('excluded.errors'),
          input_tokens: update.ref('excluded.input_tokens'),
          output_tokens: update.ref('excluded.output_tokens'),
          cache_read_tokens: update.ref('excluded.cache_read_tokens'),
          cache_write_tokens: update.ref('excluded.cache_write_tokens'),
          cost: update.ref('excluded.cost'),
          credits: update.ref('excluded.credits'),
          latency_sum: update.ref('excluded.latency_sum'),
          latency_max: update.ref('excluded.latency_max'),
          latency_p95: update.ref('excluded.latency_p95'),
          updated_at: update.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}
