import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../store/db.js';
import { migrateToLatest } from '../../store/migrate.js';

/**
 * A migrated database for usage tests: in-memory SQLite, or a fresh PostgreSQL schema (dropped on close)
 * when a connection URL is given. Test-only; production code opens databases through the context.
 */
export async function openTestDatabase(postgresUrl?: string): Promise<DatabaseHandle> {
  if (!postgresUrl) {
    const handle = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const schema = `sluice_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = postgresUrl.includes('?') ? '&' : '?';
  const url = `${postgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const handle = openDatabase({ kind: 'postgres', url });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema if exists ${schema} cascade`);
      await cleanup.end();
    },
  };
}

export interface TestDatabaseCase {
  name: 'sqlite' | 'postgres';
  /** The PostgreSQL URL; undefined for SQLite. */
  url: string | undefined;
  /** PostgreSQL without DATABASE_URL (a laptop): the case's tests are skipped. */
  skip: boolean;
}

/**
 * The databases a usage test runs on, for `describe.each`: SQLite always, PostgreSQL when DATABASE_URL
 * is set. Without it the PostgreSQL case is skipped, and the reason is printed once, naming `what`.
 */
export function testDatabases(what: string): TestDatabaseCase[] {
  const url = process.env.DATABASE_URL;
  if (!url) console.warn(`DATABASE_URL is not set: skipping the PostgreSQL ${what}`);
  return [
    { name: 'sqlite', url: undefined, skip: false },
    { name: 'postgres', url, skip: !url },
  ];
}
