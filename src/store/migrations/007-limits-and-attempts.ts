import type { Kysely } from 'kysely';

/**
 * Client keys: a concurrency cap with its own queue timeout, and soft deletion (a deleted key keeps its
 * row, so stats and logs still show its name). Request logs: every upstream attempt and cache writes
 * split by time to live.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_keys').addColumn('max_concurrency', 'integer').execute();
  await db.schema.alterTable('api_keys').addColumn('queue_timeout_ms', 'integer').execute();
  await db.schema.alterTable('api_keys').addColumn('deleted_at', 'bigint').execute();
  await db.schema.alterTable('request_logs').addColumn('attempts', 'text').execute();
  await db.schema.alterTable('request_logs').addColumn('cache_write_5m_tokens', 'bigint').execute();
  await db.schema.alterTable('request_logs').addColumn('cache_write_1h_tokens', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('request_logs').dropColumn('cache_write_1h_tokens').execute();
  await db.schema.alterTable('request_logs').dropColumn('cache_write_5m_tokens').execute();
  await db.schema.alterTable('request_logs').dropColumn('attempts').execute();
  await db.schema.alterTable('api_keys').dropColumn('deleted_at').execute();
  await db.schema.alterTable('api_keys').dropColumn('queue_timeout_ms').execute();
  await db.schema.alterTable('api_keys').dropColumn('max_concurrency').execute();
}
