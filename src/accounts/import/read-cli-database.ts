import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { convertAuthKv } from './parse-q-cli-token.js';
import type { ImportCandidate } from './import-item.js';

const sqliteMagic = 'SQLite format 3\u0000';

export const isSqliteDatabase = (bytes: Uint8Array | undefined): bytes is Uint8Array =>
  bytes !== undefined && bytes.length > 100 && Buffer.from(bytes.subarray(0, 16)).toString('latin1') === sqliteMagic;

/**
 * The logins in an uploaded Amazon Q / kiro-cli `data.sqlite3`: its `auth_kv` table and the selected
 * profile in `state`. Opened read-only from a private temporary copy that is removed at once.
 */
export function readCliDatabase(source: string, bytes: Uint8Array): ImportCandidate[] {
  const directory = mkdtempSync(join(tmpdir(), 'sluice-import-'));
  const path = join(directory, 'data.sqlite3');
  try {
    writeFileSync(path, bytes, { mode: 0o600 });
    const database = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const tables = new Set((database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((row) => row.name));
      if (!tables.has('auth_kv')) return [{ source, rejected: 'This SQLite file has no auth_kv table (not an Amazon Q / kiro-cli database).' }];
      const entries = Object.fromEntries((database.prepare('SELECT key, value FROM auth_kv').all() as Array<{ key: string; value: unknown }>).map((row) => [row.key, row.value]));
      const state = tables.has('state')
        ? Object.fromEntries((database.prepare('SELECT key, value FROM state').all() as Array<{ key: string; value: unknown }>).map((row) => [row.key, typeof row.value === 'string' ? row.value : String(row.value)]))
        : {};
      return convertAuthKv(source, entries, state);
    } finally {
      database.close();
    }
  } catch (error) {
    return [{ source, rejected: `The SQLite file could not be read: ${(error as Error).message.slice(0, 200)}` }];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
