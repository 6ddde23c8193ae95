import { createRequire } from 'node:module';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type pg from 'pg';
import type { Config } from '../config/config.js';
import type { Database } from './schema.js';
import { createOffThreadReader, type HeavyRead } from './off-thread-reader.js';
import { createOffThreadWriter, type OffThreadWrite } from './off-thread-writer.js';
import { openSqlite, sqliteForKysely } from './open-sqlite.js';

export type DatabaseKind = Config['database']['kind'];

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /**
   * For reads that scan many rows, where they would hold up requests: on a SQLite file (whose queries
   * run in the server's own thread), a thread of their own. Absent where the database works in its own
   * process (PostgreSQL) or has no file to share (in-memory SQLite): read on `db` there.
   */
  heavyRead?: HeavyRead;
  /**
   * For writes of many rows at once (request-log batches), where they would hold up requests: on a SQLite
   * file, a thread of their own with its own connection. Absent elsewhere: run the job on `db` there.
   */
  offThreadWrite?: OffThreadWrite;
  close(): Promise<void>;
}

let postgresDriver: typeof pg | undefined;

/** The PostgreSQL driver, loaded on first use: a SQLite instance does not carry it in memory. */
function loadPostgresDriver(): typeof pg {
  if (postgresDriver) return postgresDriver;
  postgresDriver = createRequire(import.meta.url)('pg') as typeof pg;
  // PostgreSQL returns BIGINT (int8) as strings; our bigints are epoch-ms and counters, well inside 2^53.
  postgresDriver.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
  return postgresDriver;
}

/** How long opening a PostgreSQL connection may take before the query waiting for it fails. */
const connectTimeoutMs = 10_000;

export function openDatabase(database: Config['database'], options: { onBackgroundError?: (error: Error) => void } = {}): DatabaseHandle {
  if (database.kind === 'postgres') {
    const pool = new (loadPostgresDriver().Pool)({ connectionString: database.url, max: 10, connectionTimeoutMillis: connectTimeoutMs });
    // An idle connection that drops (a restart, a network cut) is an 'error' on the pool: without a
    // listener that would crash the process. The pool replaces the connection; queries report their own failures.
    pool.on('error', (error) => options.onBackgroundError?.(error));
    // The same for a connection that is checked out (inside a transaction) but between two queries.
    pool.on('connect', (client) => client.on('error', (error) => options.onBackgroundError?.(error)));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqliteForKysely(openSqlite(database.file)) }) });
  if (database.file === ':memory:') return { db, kind: 'sqlite', close: () => db.destroy() };
  const reader = createOffThreadReader(database.file);
  const writer = createOffThreadWriter(database.file);
  return {
    db,
    kind: 'sqlite',
    heavyRead: reader.read,
    offThreadWrite: writer.write,
    close: async () => {
      await reader.close();
      await writer.close();
      await db.destroy();
    },
  };
}

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
