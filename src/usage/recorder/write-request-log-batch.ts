import { randomBytes } from 'node:crypto';
import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely';
import type { WriteJob } from '../../store/off-thread-writer.js';
import type { Database, RequestLogsTable } from '../../store/schema.js';
import { rowTotalTokens } from './to-request-log-row.js';

interface Totals {
  requests: number;
  tokens: number;
  cost: number;
  credits: number;
  lastUsedAt: number;
}

function addTo(totals: Map<string, Totals>, id: string, row: Insertable<RequestLogsTable>): void {
  const current = totals.get(id) ?? { requests: 0, tokens: 0, cost: 0, credits: 0, lastUsedAt: 0 };
  current.requests += 1;
  current.tokens += rowTotalTokens(row);
  current.cost += row.cost ?? 0;
  current.credits += row.credits ?? 0;
  current.lastUsedAt = Math.max(current.lastUsedAt, row.created_at);
  totals.set(id, current);
}

/** A fixed update order, so concurrent batches from several instances cannot deadlock on row locks. */
const sortedEntries = (totals: Map<string, Totals>): Array<[string, Totals]> =>
  [...totals.entries()].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));

/** Rows per INSERT statement: a batch is cut into these sizes, so only a few statement shapes ever exist. */
const chunkSizes = [64, 16, 4, 1] as const;

/**
 * The compiled SQL of a multi-row insert of `size` rows with these columns, per dialect: built
 * by Kysely once (the dialect's quoting and placeholders), then reused with fresh parameters.
 * Building the statement per batch cost more CPU than everything else the recorder does. Keyed by
 * the dialect adapter, which a transaction shares with its database (its executor is new each time).
 */
const compiledInserts = new WeakMap<object, Map<string, string>>();

function insertSql(db: Kysely<Database>, columns: readonly string[], size: number): string {
  const dialect = db.getExecutor().adapter;
  let byShape = compiledInserts.get(dialect);
  if (!byShape) compiledInserts.set(dialect, (byShape = new Map()));
  const shape = `${size}:${columns.join(',')}`;
  let text = byShape.get(shape);
  if (text === undefined) {
    const template = Object.fromEntries(columns.map((column) => [column, null])) as unknown as Insertable<RequestLogsTable>;
    text = db
      .insertInto('request_logs')
      .values(Array.from({ length: size }, () => template))
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id')
      .compile().sql;
    byShape.set(shape, text);
  }
  return text;
}

async function insertChunk(db: Kysely<Database>, columns: readonly string[], rows: Insertable<RequestLogsTable>[]): Promise<string[]> {
  const parameters: unknown[] = [];
  for (const row of rows) for (const column of columns) parameters.push((row as Record<string, unknown>)[column] ?? null);
  const result = await db.executeQuery<{ id: string }>(CompiledQuery.raw(insertSql(db, columns, rows.length), parameters));
  return result.rows.map((row) => row.id);
}

/**
 * Inserts the rows and returns those this call stored. An id already taken is a client reusing an
 * x-request-id (its row is kept under a suffixed id rather than lost), or, when the batch is a retry,
 * possibly this very row, stored by the earlier attempt whose commit was never acknowledged (a
 * connection cut mid-commit): that one is skipped, so neither the row nor its totals count twice.
 */
async function insertRows(db: Kysely<Database>, rows: Insertable<RequestLogsTable>[], retry: boolean): Promise<Insertable<RequestLogsTable>[]> {
  // Every row comes from toRequestLogRow, so they share one set of columns.
  const columns = Object.keys(rows[0]!);
  const stored = new Set<string>();
  let offset = 0;
  for (const size of chunkSizes) {
    for (; rows.length - offset >= size; offset += size) {
      for (const id of await insertChunk(db, columns, rows.slice(offset, offset + size))) stored.add(id);
    }
  }
  if (stored.size === rows.length) return rows;
  const inserted = rows.filter((row) => stored.delete(row.id));
  const taken = rows.filter((row) => !inserted.includes(row));
  const existing = retry
    ? await db
        .selectFrom('request_logs')
        .select(['id', 'created_at', 'api_key_id'])
        .where('id', 'in', taken.map((row) => row.id))
        .execute()
    : [];
  const alreadyStored = (row: Insertable<RequestLogsTable>) =>
    existing.some((found) => found.id === row.id && Number(found.created_at) === row.created_at && found.api_key_id === row.api_key_id);
  const reused = taken.filter((row) => !alreadyStored(row)).map((row) => ({ ...row, id: `${row.id}~${randomBytes(4).toString('hex')}` }));
  if (reused.length > 0) await db.insertInto('request_logs').values(reused).execute();
  return [...inserted, ...reused];
}

type TotalsTable = 'api_keys' | 'accounts';
type TotalsValue = keyof Totals | 'id';

/**
 * The compiled UPDATE that adds a batch's totals to one key's or account's row, per dialect, with where
 * each value goes among its parameters: built by Kysely once (with each value's name in its place), then
 * reused. Built per row, the statement cost more than running it, and a batch with rows of many keys or
 * accounts (a large pool takes turns over all of them) runs one per key and per account.
 */
const compiledUpdates = new WeakMap<object, Map<TotalsTable, { sql: string; values: TotalsValue[] }>>();

function totalsUpdate(db: Kysely<Database>, table: TotalsTable): { sql: string; values: TotalsValue[] } {
  const dialect = db.getExecutor().adapter;
  let byTable = compiledUpdates.get(dialect);
  if (!byTable) compiledUpdates.set(dialect, (byTable = new Map()));
  let update = byTable.get(table);
  if (!update) {
    // Each value is written as its own name, a parameter of the compiled statement: the names, in the
    // order the dialect put them, say where each value goes.
    const value = (name: TotalsValue) => sql<number>`${name}`;
    const lastUsedAt = sql<number>`case when last_used_at is null or last_used_at < ${value('lastUsedAt')} then ${value('lastUsedAt')} else last_used_at end`;
    const totals = {
      total_requests: sql<number>`total_requests + ${value('requests')}`,
      total_tokens: sql<number>`total_tokens + ${value('tokens')}`,
      total_cost: sql<number>`total_cost + ${value('cost')}`,
      last_used_at: lastUsedAt,
    };
    const compiled =
      table === 'accounts'
        ? db
            .updateTable('accounts')
            .set({ ...totals, total_credits: sql<number>`total_credits + ${value('credits')}` })
            .where('id', '=', 'id')
            .compile()
        : db.updateTable('api_keys').set(totals).where('id', '=', 'id').compile();
    update = { sql: compiled.sql, values: compiled.parameters as TotalsValue[] };
    byTable.set(table, update);
  }
  return update;
}

async function addTotals(db: Kysely<Database>, table: TotalsTable, totals: Map<string, Totals>): Promise<void> {
  const update = totalsUpdate(db, table);
  for (const [id, sums] of sortedEntries(totals)) {
    await db.executeQuery(CompiledQuery.raw(update.sql, update.values.map((value) => (value === 'id' ? id : sums[value]))));
  }
}

/**
 * Writes one batch in a transaction: the log rows, then one counter UPDATE per API key and per account
 * (requests, tokens, cost, credits, last_used_at), so the totals never drift from the rows.
 */
export async function writeRequestLogBatch(db: Kysely<Database>, rows: Insertable<RequestLogsTable>[], options: { retry?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (transaction) => {
    const byKey = new Map<string, Totals>();
    const byAccount = new Map<string, Totals>();
    for (const row of await insertRows(transaction, rows, options.retry === true)) {
      addTo(byKey, row.api_key_id, row);
      if (row.account_id) addTo(byAccount, row.account_id, row);
    }
    await addTotals(transaction, 'api_keys', byKey);
    await addTotals(transaction, 'accounts', byAccount);
  });
}

/** The batch write as a job of the write thread (see DatabaseHandle). */
export const requestLogBatchJob: WriteJob<[rows: Insertable<RequestLogsTable>[], options: { retry?: boolean }], void> = {
  module: import.meta.url,
  name: 'writeRequestLogBatch',
  run: writeRequestLogBatch,
};
