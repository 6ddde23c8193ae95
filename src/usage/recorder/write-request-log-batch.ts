import { randomBytes } from 'node:crypto';
import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely';
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
    for (const [id, totals] of sortedEntries(byKey)) {
      await transaction
        .updateTable('api_keys')
        .set({
          total_requests: sql`total_requests + ${totals.requests}`,
          total_tokens: sql`total_tokens + ${totals.tokens}`,
          total_cost: sql`total_cost + ${totals.cost}`,
          last_used_at: sql`case when last_used_at is null or last_used_at < ${totals.lastUsedAt} then ${totals.lastUsedAt} else last_used_at end`,
        })
        .where('id', '=', id)
        .execute();
    }
    for (const [id, totals] of sortedEntries(byAccount)) {
      await transaction
        .updateTable('accounts')
        .set({
          total_requests: sql`total_requests + ${totals.requests}`,
          total_tokens: sql`total_tokens + ${totals.tokens}`,
          total_cost: sql`total_cost + ${totals.cost}`,
          total_credits: sql`total_credits + ${totals.credits}`,
          last_used_at: sql`case when last_used_at is null or last_used_at < ${totals.lastUsedAt} then ${totals.lastUsedAt} else last_used_at end`,
        })
        .where('id', '=', id)
        .execute();
    }
  });
}
