import type { Kysely } from 'kysely';

/**
 * The admin audit trail (who changed what, with the fields before and after, secrets redacted) and a
 * small per-account history (status changes, errors, balance readings) for the account detail view.
 * Both are pruned by the log-retention setting.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('actor_key_id', 'text', (column) => column.notNull())
    .addColumn('actor_key_name', 'text', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('method', 'text', (column) => column.notNull())
    .addColumn('path', 'text', (column) => column.notNull())
    .addColumn('target_type', 'text', (column) => column.notNull())
    .addColumn('target_id', 'text')
    .addColumn('http_status', 'integer', (column) => column.notNull())
    .addColumn('request_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('request_json', 'text')
    .execute();
  await db.schema.createIndex('audit_log_created_at_idx').on('audit_log').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('audit_log_target_idx').on('audit_log').columns(['target_type', 'target_id', 'created_at']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_key_id', 'created_at']).execute();

  await db.schema
    .createTable('account_events')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('account_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('status', 'text')
    .addColumn('message', 'text')
    .addColumn('balance_remaining', 'double precision')
    .addColumn('balance_json', 'text')
    .execute();
  await db.schema.createIndex('account_events_account_idx').on('account_events').columns(['account_id', 'created_at']).execute();
  await db.schema.createIndex('account_events_created_at_idx').on('account_events').columns(['created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_events').execute();
  await db.schema.dropTable('audit_log').execute();
}
