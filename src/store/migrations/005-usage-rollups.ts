import type { Kysely } from 'kysely';

/**
 * Hourly and daily aggregates of request_logs, kept after raw rows expire. Dimension columns are never
 * null: '*' means "all values" (a coarser grouping), '' means "none" (e.g. no account was chosen).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usage_rollups')
    .addColumn('granularity', 'text', (column) => column.notNull())
    .addColumn('bucket_start', 'bigint', (column) => column.notNull())
    .addColumn('api_key_id', 'text', (column) => column.notNull())
    .addColumn('account_id', 'text', (column) => column.notNull())
    .addColumn('provider', 'text', (column) => column.notNull())
    .addColumn('model', 'text', (column) => column.notNull())
    .addColumn('requests', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('successes', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('errors', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('input_tokens', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('output_tokens', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('cache_read_tokens', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('cache_write_tokens', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('cost', 'double precision', (column) => column.notNull().defaultTo(0))
    .addColumn('credits', 'double precision', (column) => column.notNull().defaultTo(0))
    .addColumn('latency_sum', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('latency_max', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('latency_p95', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (column) => column.notNull())
    .addUniqueConstraint('usage_rollups_group_unique', ['granularity', 'bucket_start', 'api_key_id', 'account_id', 'provider', 'model'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('usage_rollups').execute();
}
