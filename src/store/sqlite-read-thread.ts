/**
 * The worker thread behind `createOffThreadReader`: its own read-only connection to the SQLite file,
 * answering each batch of queries from one snapshot. Nothing here is imported by the server itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { registerSqliteFunctions } from './sqlite-functions.js';

interface Batch {
  id: number;
  queries: { sql: string; parameters: unknown[] }[];
}

const { file } = workerData as { file: string };
const database = new SQLite(file, { readonly: true, fileMustExist: true });
database.pragma('busy_timeout = 5000');
registerSqliteFunctions(database);
const readBatch = database.transaction((queries: Batch['queries']) => queries.map((query) => database.prepare(query.sql).all(...query.parameters)));

parentPort!.on('message', ({ id, queries }: Batch) => {
  try {
    parentPort!.postMessage({ id, result: readBatch(queries) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
