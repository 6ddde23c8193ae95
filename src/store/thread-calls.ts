import { Worker } from 'node:worker_threads';

/**
 * Calls into a worker thread that answers each `{ id, ... }` message with `{ id, result }` or
 * `{ id, error }`: the thread starts on the first call, keeps the process alive only while it owes an
 * answer, stops when it has been idle for a while (a quiet server holds no second isolate in memory),
 * and is stopped after a call that takes too long.
 * Used by the off-thread reader and writer of the SQLite file.
 */
export interface ThreadCalls {
  call<T>(message: Record<string, unknown>): Promise<T>;
  /** Fails the calls still owed and stops the thread. */
  close(): Promise<void>;
}

export interface ThreadCallsOptions {
  /** The script beside the caller, named without its extension (e.g. `new URL('./sqlite-read-thread', import.meta.url)`). */
  script: URL;
  workerData: unknown;
  /** A call that takes longer fails, and the thread is stopped. */
  timeoutMs: number;
  /** The thread stops this long after its last answer. */
  idleMs: number;
  /** Said in errors: "the database read thread". */
  name: string;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * The thread for a script: compiled JavaScript in production; under tsx (the tests, `npm run dev`),
 * the TypeScript source, loaded through tsx registered in the thread first.
 */
function startWorker({ script, workerData }: ThreadCallsOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`${script.href}.js`), { workerData });
  const load = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(`${script.href}.ts`)}); })`;
  return new Worker(load, { eval: true, workerData });
}

export function createThreadCalls(options: ThreadCallsOptions): ThreadCalls {
  let current: Thread | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let nextId = 0;

  // Each thread answers only its own calls: a thread being stopped fails what it still owed, never a newer thread's calls.
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
    const thread: Thread = { worker: startWorker(options), pending: new Map() };
    thread.worker.unref();
    thread.worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const waiting = thread.pending.get(id);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      thread.pending.delete(id);
      if (error === undefined) waiting.resolve(result);
      else waiting.reject(new Error(error));
      if (thread.pending.size > 0) return;
      thread.worker.unref();
      if (current === thread) idleTimer = setTimeout(() => void stop(thread), options.idleMs).unref();
    });
    const lost = (error: Error) => {
      if (current === thread) current = undefined;
      failAll(thread, error);
    };
    thread.worker.on('error', lost);
    thread.worker.on('exit', (code) => lost(new Error(`The ${options.name} stopped (exit code ${code}).`)));
    return thread;
  };

  return {
    call: <T>(message: Record<string, unknown>) =>
      new Promise<T>((resolve, reject) => {
        clearTimeout(idleTimer);
        const thread = (current ??= start());
        const id = (nextId += 1);
        const timer = setTimeout(() => {
          thread.pending.delete(id);
          reject(new Error(`A call to the ${options.name} took longer than ${options.timeoutMs / 1000} s.`));
          void stop(thread);
        }, options.timeoutMs);
        thread.pending.set(id, { resolve: resolve as (result: unknown) => void, reject, timer });
        // Held while it owes an answer (the last batch written at shutdown), and not a moment longer.
        thread.worker.ref();
        thread.worker.postMessage({ ...message, id });
      }),
    close: async () => {
      const thread = current;
      if (!thread) return;
      failAll(thread, new Error('The database is closing.'));
      await stop(thread);
    },
  };
}
