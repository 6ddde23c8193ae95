/** Write jobs for the write thread's tests: each runs in the thread, on the thread's own connection. */
import { threadId } from 'node:worker_threads';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Inserts `n` into the tests' `numbers` table; answers with the thread it ran in. */
export async function insertNumber(db: Kysely<Database>, n: number): Promise<{ threadId: number }> {
  await sql`insert into numbers (n) values (${n})`.execute(db);
  return { threadId };
}

export async function failWith(_db: Kysely<Database>, message: string): Promise<never> {
  throw new Error(message);
}

export function neverEnds(): Promise<never> {
  return new Promise(() => undefined);
}

/** Answers with what cannot be copied between threads. */
export async function answersUncopyable(): Promise<() => void> {
  return () => undefined;
}
