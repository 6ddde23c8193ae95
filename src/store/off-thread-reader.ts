import type { CompiledQuery, Kysely } from 'kysely';
import { createThreadCalls } from './thread-calls.js';

/**
 * Runs read-only queries that scan many rows (the roll-up of a busy hour) and resolves with
 * each query's rows, in order, all read from one snapshot of the database.
 */
export type HeavyRead = (queries: CompiledQuery[]) => Promise<Record<string, unknown>[][]>;

/**
 * Reads on the given connection, one query after another: for a database that works in its own process
 * (PostgreSQL) or has no file to share. Give it a transaction for one snapshot.
 */
export const readOnConnection =
  (db: Pick<Kysely<unknown>, 'executeQuery'>): HeavyRead =>
  async (queries) => {
    const results: Record<string, unknown>[][] = [];
    for (const query of queries) results.push((await db.executeQuery<Record<string, unknown>>(query)).rows);
    return results;
  };

export interface OffThreadReaderOptions {
  /**
   * A read that takes longer fails, and its thread is stopped. Default 10 minutes: far beyond any real
   * pass (an hour of 5 million request logs reads in about 2 minutes), since a roll-up that always
   * timed out would never finish its hour.
   */
  timeoutMs?: number;
  /** The thread stops this long after its last read: between roll-ups it costs no memory. */
  idleMs?: number;
}

export interface OffThreadReader {
  read: HeavyRead;
  close(): Promise<void>;
}

/**
 * Reads from a SQLite file in a worker thread with its own read-only connection. better-sqlite3 is
 * synchronous: a query over a busy hour of request logs, run on the server's connection, would stop
 * every request in the process for seconds. Under WAL the thread reads a snapshot while the server
 * keeps writing. The thread starts on the first read and stops when idle.
 */
export function createOffThreadReader(file: string, options: OffThreadReaderOptions = {}): OffThreadReader {
  const thread = createThreadCalls({
    script: new URL('./sqlite-read-thread', import.meta.url),
    workerData: { file },
    timeoutMs: options.timeoutMs ?? 600_000,
    idleMs: options.idleMs ?? 5_000,
    name: 'database read thread',
  });
  return {
    read: (queries) => thread.call({ queries: queries.map((query) => ({ sql: query.sql, parameters: query.parameters })) }),
    close: () => thread.close(),
  };
}
