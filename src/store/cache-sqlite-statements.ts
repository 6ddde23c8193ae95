import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/**
 * The SQLite handle as Kysely sees it, with prepared statements kept by their SQL text: Kysely
 * prepares every query afresh, and parsing and planning a statement cost more than running a small
 * one (the request log inserts a row per request). Bounded, least recently used first out, since
 * some queries vary in shape (IN lists). A kept statement is reused only when it is not in the middle of
 * an iteration (Kysely's `stream()`); such a query gets a fresh one, as before.
 */
export function cacheSqliteStatements(database: SqliteDatabase, maxStatements = 500): KyselySqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string) {
      const kept = statements.get(sql);
      if (kept && !kept.busy) {
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = database.prepare(sql);
      if (kept) return statement;
      statements.set(sql, statement);
      if (statements.size > maxStatements) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
