import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOffThreadReader } from './off-thread-reader.js';

describe('createOffThreadReader', () => {
  let directory: string;
  let file: string;
  let writer: SQLite.Database;

  beforeAll(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'off-thread-reader-'));
    file = path.join(directory, 'reads.db');
    writer = new SQLite(file);
    writer.pragma('journal_mode = WAL');
    writer.exec('create table numbers (n integer primary key, label text)');
    const insert = writer.prepare('insert into numbers (n, label) values (?, ?)');
    writer.transaction(() => {
      for (let n = 1; n <= 100; n += 1) insert.run(n, `n${n}`);
    })();
  });
  afterAll(() => {
    writer.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers each query of a batch with its rows, in order', async () => {
    const reader = createOffThreadReader(file);
    try {
      const [first, second] = await reader.read([
        CompiledQuery.raw('select n, label from numbers where n <= ? order by n', [2]),
        CompiledQuery.raw('select count(*) as count, sum(n) as total from numbers'),
      ]);
      expect(first).toEqual([{ n: 1, label: 'n1' }, { n: 2, label: 'n2' }]);
      expect(second).toEqual([{ count: 100, total: 5050 }]);
    } finally {
      await reader.close();
    }
  });

  it('sees what the server wrote, and keeps the event loop free while it reads', async () => {
    const reader = createOffThreadReader(file);
    try {
      writer.prepare('insert into numbers (n, label) values (?, ?)').run(1000, 'late');
      // About a second of work for SQLite: here it runs in the thread, and timers keep firing meanwhile.
      const heavy = CompiledQuery.raw('with recursive counter(i) as (select 1 union all select i + 1 from counter where i < 3000000) select count(*) as count from counter');
      let ticks = 0;
      const ticker = setInterval(() => (ticks += 1), 5);
      const [late, counted] = await reader.read([CompiledQuery.raw("select n from numbers where label = 'late'"), heavy]).finally(() => clearInterval(ticker));
      expect(late).toEqual([{ n: 1000 }]);
      expect(counted).toEqual([{ count: 3_000_000 }]);
      expect(ticks).toBeGreaterThan(5);
    } finally {
      await reader.close();
    }
  });

  it('rejects a failed query with its message and goes on serving', async () => {
    const reader = createOffThreadReader(file);
    try {
      await expect(reader.read([CompiledQuery.raw('select * from no_such_table')])).rejects.toThrow(/no such table/);
      await expect(reader.read([CompiledQuery.raw('delete from numbers returning n')])).rejects.toThrow(/readonly/i);
      expect(await reader.read([CompiledQuery.raw('select count(*) as count from numbers')])).toEqual([[{ count: 101 }]]);
    } finally {
      await reader.close();
    }
  });

  it('gives up on a read past its timeout, stops that thread, and starts a new one for the next read', async () => {
    const reader = createOffThreadReader(file, { timeoutMs: 3000 });
    try {
      const endless = CompiledQuery.raw('with recursive counter(i) as (select 1 union all select i + 1 from counter) select count(*) from counter');
      const stuck = reader.read([endless]);
      await expect(stuck).rejects.toThrow(/longer than/);
      // Asked at once, before the stuck thread has gone: the old thread's exit must not fail the new read.
      expect(await reader.read([CompiledQuery.raw('select max(n) as top from numbers')])).toEqual([[{ top: 1000 }]]);
    } finally {
      await reader.close();
    }
  });

  it('fails reads still waiting when it is closed', async () => {
    const reader = createOffThreadReader(file);
    const endless = CompiledQuery.raw('with recursive counter(i) as (select 1 union all select i + 1 from counter) select count(*) from counter');
    const failed = expect(reader.read([endless])).rejects.toThrow(/closing/);
    await reader.close();
    await failed;
  });
});
