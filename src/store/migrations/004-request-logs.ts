import type { Kysely } from 'kysely';

/** One row per client request, written in batches by the usage recorder. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('request_logs')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('api_key_id', 'text', (column) => column.notNull())
    .addColumn('account_id', 'text')
    .addColumn('provider', 'text')
    .addColumn('requested_model', 'text', (column) => column.notNull())
    .addColumn('upstream_model', 'text')
    .addColumn('stream', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('client_format', 'text', (column) => column.notNull())
    .addColumn('input_tokens', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('output_tokens', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('cache_read_tokens', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('cache_write_tokens', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('reasoning_tokens', 'bigint')
    .addColumn('credits', 'double precision')
    .addColumn('cost', 'double precision', (column) => column.notNull().defaultTo(0))
    .addColumn('latency_ms', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('ttft_ms', 'integer')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('http_status', 'integer', (column) => column.notNull())
    .addColumn('error_type', 'text')
    .addColumn('error_message', 'text')
    .addColumn('client_ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('request_logs_created_at_idx').on('request_logs').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('request_logs_api_key_idx').on('request_logs').columns(['api_key_id', 'created_at']).execute();
  await db.schema.createIndex('request_logs_account_idx').on('request_logs').columns(['account_id', 'created_at']).execute();
  await db.schema.createIndex('request_logs_model_idx').on('request_logs').columns(['requested_model', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('request_logs').execute();
}
