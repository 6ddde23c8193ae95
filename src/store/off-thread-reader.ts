import { Worker } from 'node:worker_threads';
import type { CompiledQuery, Kysely } from 'kysely';

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

interface Pending {
  resolve(results: Record<string, unknown>[][]): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * The thread for the script beside this file: compiled JavaScript in production; under tsx (the tests,
 * `npm run dev`), the TypeScript source, loaded through tsx registered in the thread first.
 */
function startThread(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./sqlite-read-thread.js', import.meta.url), { workerData });
  const script = new URL('./sqlite-read-thread.ts', import.meta.url).href;
  const load = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`;
  return new Worker(load, { eval: true, workerData });
}

/**
 * Reads from a SQLite file in a worker thread with its own read-only connection. better-sqlite3 is
 * synchronous: a query over a busy hour of request logs, run on the server's connection, would stop
 * every request in the process for seconds. Under WAL the thread reads a snapshot while the server
 * keeps writing. The thread starts on the first read and stops when idle.
 */
export function createOffThreadReader(file: string, options: OffThreadReaderOptions = {}): OffThreadReader {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const idleMs = options.idleMs ?? 5_000;
  let current: Thread | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let nextId = 0;

  // Each thread answers only its own reads: a thread being stopped fails what it still owed, never a newer thread's reads.
  const failAll = (thread: Thread, error: Error): void => {
    for (const [id, waiting] of thread.pending) {
      clearTimeout(waiting.timer);
      thread.pending.delete(id);
      waiting.reject(error);
    }
  };
  const stop = async (thread: Thread): Promise<void> => {
    if (current === thread) {
      current = undefined;
      clearTimeout(idleTimer);
    }
    await thread.worker.terminate();
  };
  const start = (): Thread => {
    const thread: Thread = { worker: startThread({ file }), pending: new Map() };
    thread.worker.unref();
    thread.worker.on('message', ({ id, results, error }: { id: number; results?: Record<string, unknown>[][]; error?: string }) => {
      const waiting = thread.pending.get(id);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      thread.pending.delete(id);
      if (error === undefined) waiting.resolve(results ?? []);
      else waiting.reject(new Error(error));
      if (thread.pending.size === 0 && current === thread) idleTimer = setTimeout(() => void stop(thread), idleMs).unref();
    });
    const lost = (error: Error) => {
      if (current === thread) current = undefined;
      failAll(thread, error);
    };
    thread.worker.on('error', lost);
    thread.worker.on('exit', (code) => lost(new Error(`The database read thread stopped (exit code ${code}).`)));
    return thread;
  };

  return {
    read: (queries) =>
      new Promise((resolve, reject) => {
        clearTimeout(idleTimer);
        const thread = (current ??= start());
        const id = (nextId += 1);
        const timer = setTimeout(() => {
          thread.pending.delete(id);
          reject(new Error(`A database read took longer than ${timeoutMs / 1000} s.`));
          void stop(thread);
        }, timeoutMs);
        thread.pending.set(id, { resolve, reject, timer });
        thread.worker.postMessage({ id, queries: queries.map((query) => ({ sql: query.sql, parameters: query.parameters })) });
      }),
    close: async () => {
      const thread = current;
      if (!thread) return;
      failAll(thread, new Error('The database is closing.'));
      await stop(thread);
    },
  };
}
