import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheSqliteStatements } from './cache-sqlite-statements.js';

interface Tables {
  items: { id: number; name: string };
}

describe('cacheSqliteStatements', () => {
  const opened: Array<Kysely<Tables>> = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.destroy();
  });

  function open(maxStatements?: number) {
    const sqlite = new SQLite(':memory:');
    const prepare = vi.spyOn(sqlite, 'prepare');
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cacheSqliteStatements(sqlite, maxStatements) }) });
    opened.push(db);
    return { db, prepare };
  }

  it('prepares each query once and reuses it, with fresh parameters each time', async () => {
    const { db, prepare } = open();
    await sql`create table items (id integer primary key, name text)`.execute(db);
    for (let id = 1; id <= 5; id += 1) await db.insertInto('items').values({ id, name: `item ${id}` }).execute();
    expect(await db.selectFrom('items').select('name').where('id', '=', 4).executeTakeFirst()).toEqual({ name: 'item 4' });
    expect(await db.selectFrom('items').select('name').where('id', '=', 2).executeTakeFirst()).toEqual({ name: 'item 2' });
    const insertSql = prepare.mock.calls.map(([text]) => text).filter((text) => text.startsWith('insert'));
    expect(insertSql).toHaveLength(1);
  });

  it('keeps transactions working on kept statements', async () => {
    const { db } = open();
    await sql`create table items (id integer primary key, name text)`.execute(db);
    await db.transaction().execute(async (trx) => void (await trx.insertInto('items').values({ id: 1, name: 'a' }).execute()));
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ id: 2, name: 'b' }).execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.selectFrom('items').select('id').execute()).toEqual([{ id: 1 }]);
  });

  it('gives a query a fresh statement while its kept one is still being iterated, and reuses it after', async () => {
    const { db, prepare } = open();
    await sql`create table items (id integer primary key, name text)`.execute(db);
    for (let id = 1; id <= 3; id += 1) await db.insertInto('items').values({ id, name: `n${id}` }).execute();
    const query = db.selectFrom('items').select('id').orderBy('id');
    const seen: number[] = [];
    for await (const row of query.stream()) seen.push(row.id);
    expect(seen).toEqual([1, 2, 3]);
    const before = prepare.mock.calls.length;
    expect((await query.execute()).map((row) => row.id)).toEqual([1, 2, 3]);
    expect(prepare.mock.calls.length).toBe(before);

    const busy = { busy: true };
    const fresh = { busy: false };
    const fake = { prepare: vi.fn().mockReturnValueOnce(busy).mockReturnValueOnce(fresh), close: vi.fn() };
    const cached = cacheSqliteStatements(fake as unknown as SQLite.Database);
    expect(cached.prepare('select 1')).toBe(busy);
    expect(cached.prepare('select 1')).toBe(fresh);
    busy.busy = false;
    expect(cached.prepare('select 1')).toBe(busy);
  });

  it('holds at most the given number of statements, dropping the least recently used', async () => {
    const { db, prepare } = open(2);
    await sql`create table items (id integer primary key, name text)`.execute(db);
    const byId = (id: number) => db.selectFrom('items').select('name').where('id', '=', id);
    await byId(1).execute();
    await db.selectFrom('items').select('id').execute();
    await byId(2).execute(); // the same SQL as the first: kept
    await db.selectFrom('items').selectAll().execute(); // a third shape: the least recently used goes
    const before = prepare.mock.calls.length;
    await byId(3).execute();
    expect(prepare.mock.calls.length).toBe(before);
    await db.selectFrom('items').select('id').execute();
    expect(prepare.mock.calls.length).toBe(before + 1);
  });
});
