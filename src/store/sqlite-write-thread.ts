/**
 * The worker thread behind `createOffThreadWriter`: its own connection to the SQLite file, running each
 * write job (an exported function of a module, given this thread's database) one after another.
 * Nothing here is imported by the server itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { openSqlite, sqliteForKysely } from './open-sqlite.js';

interface Job {
  id: number;
  module: string;
  name: string;
  args: unknown[];
}

const { file } = workerData as { file: string };
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqliteForKysely(openSqlite(file)) }) });

async function run({ module, name, args }: Job): Promise<unknown> {
  const exported = ((await import(module)) as Record<string, unknown>)[name];
  if (typeof exported !== 'function') throw new Error(`${module} has no function ${name} to run as a write job.`);
  return (exported as (db: Kysely<Database>, ...args: unknown[]) => Promise<unknown>)(db, ...args);
}

// One job at a time, in the order they came: a job's transaction never interleaves with another's. Every
// job is answered, even one whose result cannot be copied back, so the chain never breaks.
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (job: Job) => {
  queue = queue.then(async () => {
    try {
      parentPort!.postMessage({ id: job.id, result: await run(job) });
    } catch (error) {
      parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
