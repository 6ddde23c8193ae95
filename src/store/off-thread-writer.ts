import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { createThreadCalls } from './thread-calls.js';

/**
 * A write that can run in the write thread: an exported async function of a module, taking the thread's
 * own database first. The thread imports `module` and calls its export `name` with arguments and result
 * copied between threads, so both must be plain data. `run` is the same function, for a database with
 * no file to share (in-memory SQLite) or one that works in its own process (PostgreSQL).
 */
export interface WriteJob<Args extends unknown[], Result> {
  module: string;
  name: string;
  run(db: Kysely<Database>, ...args: Args): Promise<Result>;
}

/** Runs a write job in the write thread and resolves with its result, or rejects with its error's message. */
export type OffThreadWrite = <Args extends unknown[], Result>(job: WriteJob<Args, Result>, ...args: Args) => Promise<Result>;

export interface OffThreadWriterOptions {
  /** A write that takes longer fails, and its thread is stopped (a transaction it left open rolls back). */
  timeoutMs?: number;
  /** The thread stops this long after its last write. */
  idleMs?: number;
}

export interface OffThreadWriter {
  write: OffThreadWrite;
  close(): Promise<void>;
}

/**
 * Writes to a SQLite file from a worker thread with its own connection. better-sqlite3 is synchronous:
 * a batch of a few hundred request-log rows (each row into the table and five indexes, then the
 * key's and account's totals) took a few milliseconds of the server's thread, during which no request
 * moved. Under WAL, one connection writes at a time: the server's own transactions take the write lock
 * at their start (see sqliteForKysely) and wait for the thread's, up to the busy timeout.
 */
export function createOffThreadWriter(file: string, options: OffThreadWriterOptions = {}): OffThreadWriter {
  const thread = createThreadCalls({
    script: new URL('./sqlite-write-thread', import.meta.url),
    workerData: { file },
    timeoutMs: options.timeoutMs ?? 60_000,
    idleMs: options.idleMs ?? 30_000,
    name: 'database write thread',
  });
  return {
    write: (job, ...args) => thread.call({ module: job.module, name: job.name, args }),
    close: () => thread.close(),
  };
}
