import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('provider', 'text', (column) => column.notNull())
    .addColumn('enabled', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('credentials_encrypted', 'text', (column) => column.notNull())
    .addColumn('credential_hints', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('settings', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('base_url', 'text')
    .addColumn('auth_url', 'text')
    .addColumn('requests_per_minute', 'integer')
    .addColumn('max_concurrency', 'integer')
    .addColumn('weight', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('priority', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('proxy_url', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('models', 'text')
    .addColumn('initial_balance', 'double precision')
    .addColumn('balance_threshold', 'double precision')
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('active'))
    .addColumn('status_reason', 'text')
    .addColumn('status_changed_at', 'bigint')
    .addColumn('cooldown_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'bigint')
    .addColumn('balance', 'text')
    .addColumn('balance_checked_at', 'bigint')
    .addColumn('last_used_at', 'bigint')
    .addColumn('total_requests', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('total_tokens', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('total_cost', 'double precision', (column) => column.notNull().defaultTo(0))
    .addColumn('total_credits', 'double precision', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('updated_at', 'bigint', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('accounts_provider_idx').on('accounts').column('provider').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('accounts').execute();
}
