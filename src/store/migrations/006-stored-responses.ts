import type { Kysely } from 'kysely';

/**
 * Responses answers kept for `previous_response_id` (Responses API `store: true`): the whole input
 * the answer was made from and its output items, as JSON. Scoped to the client key that made them;
 * deleted with the request log by the retention job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stored_responses')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('api_key_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('input_items', 'text', (column) => column.notNull())
    .addColumn('output_items', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('stored_responses_created_at').on('stored_responses').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stored_responses').execute();
}
