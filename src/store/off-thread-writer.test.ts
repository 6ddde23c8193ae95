import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answersUncopyable, failWith, insertNumber, neverEnds } from './__fixtures__/write-jobs.js';
import { cacheSqliteStatements } from './cache-sqlite-statements.js';
import { createOffThreadWriter, type OffThreadWriter, type WriteJob } from './off-thread-writer.js';
import { openSqlite, sqliteForKysely } from './open-sqlite.js';
import type { Database } from './schema.js';

const jobs = new URL('./__fixtures__/write-jobs.ts', import.meta.url).href;
const insertJob: WriteJob<[n: number], { threadId: number }> = { module: jobs, name: 'insertNumber', run: insertNumber };
const failJob: WriteJob<[message: string], never> = { module: jobs, name: 'failWith', run: failWith };
const hangJob: WriteJob<[], never> = { module: jobs, name: 'neverEnds', run: neverEnds };
const uncopyableJob: WriteJob<[], () => void> = { module: jobs, name: 'answersUncopyable', run: answersUncopyable };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createOffThreadWriter', () => {
  let directory: string;
  let file: string;
  let db: Kysely<Database>;
  const writers: OffThreadWriter[] = [];
  const writer = (options?: Parameters<typeof createOffThreadWriter>[1]) => {
    const created = createOffThreadWriter(file, options);
    writers.push(created);
    return created;
  };
  const numbers = async (on: Kysely<Database> = db) =>
    (await sql<{ n: number }>`select n from numbers order by n`.execute(on)).rows.map((row) => row.n);

  beforeAll(async () => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'off-thread-writer-'));
    file = path.join(directory, 'writes.db');
    // The server's own connection, as openDatabase makes it.
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqliteForKysely(openSqlite(file)) }) });
    await sql`create table numbers (n integer primary key)`.execute(db);
  });
  afterEach(async () => {
    await Promise.all(writers.splice(0).map((each) => each.close()));
    await sql`delete from numbers`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('runs a job in its own thread and answers with its result; the server sees the row once it has', async () => {
    const answer = await writer().write(insertJob, 1);
    expect(answer.threadId).not.toBe(threadId);
    expect(await numbers()).toEqual([1]);
  });

  it("rejects with a failing job's message, and runs the next job", async () => {
    const thread = writer();
    await expect(thread.write(failJob, 'the disk is full')).rejects.toThrow('the disk is full');
    await thread.write(insertJob, 2);
    expect(await numbers()).toEqual([2]);
  });

  it('answers a job whose result cannot be copied back with an error, and runs the next job', async () => {
    const thread = writer();
    await expect(thread.write(uncopyableJob)).rejects.toThrow(/could not be cloned/);
    await thread.write(insertJob, 10);
    expect(await numbers()).toEqual([10]);
  });

  it('stops a job that takes too long, and starts a new thread for the next', async () => {
    // Long enough for a thread to start under the tests' transpiler, which the next job's new thread does too.
    const thread = writer({ timeoutMs: 3_000 });
    await expect(thread.write(hangJob)).rejects.toThrow('took longer than 3 s');
    await thread.write(insertJob, 3);
    expect(await numbers()).toEqual([3]);
  });

  it("lets the server's transaction that read first and writes then wait for the thread's write, not fail", async () => {
    const thread = writer();
    await thread.write(insertJob, 4); // the thread is up
    let threadWrite: Promise<unknown> | undefined;
    await db.transaction().execute(async (transaction) => {
      expect(await numbers(transaction)).toEqual([4]);
      threadWrite = thread.write(insertJob, 5);
      await sleep(100); // the thread tries to write meanwhile, and waits for this transaction
      await sql`insert into numbers (n) values (6)`.execute(transaction);
    });
    await threadWrite;
    expect(await numbers()).toEqual([4, 5, 6]);
  });

  it('(with a plain BEGIN, as Kysely sends, the same transaction fails: the thread wrote since it read)', async () => {
    const plain = new Kysely<Database>({ dialect: new SqliteDialect({ database: cacheSqliteStatements(openSqlite(file)) }) });
    try {
      const thread = writer();
      await thread.write(insertJob, 7);
      const attempt = plain.transaction().execute(async (transaction) => {
        await numbers(transaction);
        await thread.write(insertJob, 8);
        await sql`insert into numbers (n) values (9)`.execute(transaction);
      });
      await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_BUSY_SNAPSHOT' });
      expect(await numbers()).toEqual([7, 8]);
    } finally {
      await plain.destroy();
    }
  });
});
