import { sql, type Kysely } from 'kysely';

/**
 * Failed requests, newest first: the request log's "errors only" view. Without it a listing of errors
 * walks back through every successful row until it has a page of failures, which on a large table with
 * few errors is most of the table (and on SQLite, time in which the server answers nothing). Partial:
 * only failed rows are in it, so recording a successful request costs nothing more. The listing names
 * the status as a literal, so that using the index never depends on how a database plans a bound value.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('request_logs_errors_idx').on('request_logs').columns(['created_at', 'id']).where(sql.ref('status'), '=', 'error').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('request_logs_errors_idx').execute();
}
