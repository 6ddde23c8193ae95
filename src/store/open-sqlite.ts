import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import { cacheSqliteStatements } from './cache-sqlite-statements.js';
import { registerSqliteFunctions } from './sqlite-functions.js';

/** A connection to the SQLite file (or `:memory:`) with the settings every connection of the server uses. */
export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // Temporary files in memory: each request-log batch is a multi-row insert in a transaction, whose statement
  // journal otherwise spills to a file created, written page by page and deleted again for every batch.
  sqlite.pragma('temp_store = MEMORY');
  registerSqliteFunctions(sqlite);
  return sqlite;
}

/**
 * The connection as Kysely sees it: statements kept (see cacheSqliteStatements), and every transaction
 * begun IMMEDIATE, holding the write lock from its start. Kysely begins with a plain (deferred) BEGIN,
 * which takes the lock only at the first write: with a second connection writing (the request-log
 * thread), a transaction that read first and then writes fails with SQLITE_BUSY (its snapshot is no
 * longer the latest) instead of waiting its turn, since SQLite cannot let it wait.
 */
export function sqliteForKysely(sqlite: SQLite.Database): KyselySqliteDatabase {
  const cached = cacheSqliteStatements(sqlite);
  return { close: () => cached.close(), prepare: (sql) => cached.prepare(sql === 'begin' ? 'begin immediate' : sql) };
}
