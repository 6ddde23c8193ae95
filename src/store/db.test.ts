import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './db.js';

describe('openDatabase on a SQLite file', () => {
  let directory: string;
  let handle: DatabaseHandle;

  beforeAll(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'open-database-'));
    handle = openDatabase({ kind: 'sqlite', file: path.join(directory, 'sluice.db') });
  });
  afterAll(async () => {
    await handle.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const pragma = async (name: string): Promise<unknown> => Object.values((await sql.raw(`pragma ${name}`).execute(handle.db)).rows[0] as object)[0];

  it('writes ahead (WAL), syncs at checkpoints and enforces foreign keys', async () => {
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(1);
    expect(await pragma('foreign_keys')).toBe(1);
  });

  // A multi-row insert inside a transaction keeps a statement journal. On disk, every request-log batch
  // created a file for it, wrote it page by page (as many writes as the WAL took) and deleted it.
  it('keeps temporary files, such as the statement journals of multi-row inserts, in memory', async () => {
    expect(await pragma('temp_store')).toBe(2);
  });
});
