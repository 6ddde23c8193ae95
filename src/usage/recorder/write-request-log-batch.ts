import { randomBytes } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
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

async function insertRows(db: Kysely<Database>, rows: Insertable<RequestLogsTable>[]): Promise<void> {
  const inserted = await db
    .insertInto('request_logs')
    .values(rows)
    .onConflict((conflict) => conflict.column('id').doNothing())
    .returning('id')
    .execute();
  if (inserted.length === rows.length) return;
  // A client may reuse an x-request-id; keep its row under a suffixed id rather than losing it.
  const stored = new Set(inserted.map((row) => row.id));
  const duplicates = rows.filter((row) => !stored.delete(row.id));
  if (duplicates.length === 0) return;
  await db
    .insertInto('request_logs')
    .values(duplicates.map((row) => ({ ...row, id: `${row.id}~${randomBytes(4).toString('hex')}` })))
    .execute();
}

/**
 * Writes one batch in a transaction: the log rows, then one counter UPDATE per API key and per account
 * (requests, tokens, cost, credits, last_used_at), so the totals never drift from the rows.
 */
export async function writeRequestLogBatch(db: Kysely<Database>, rows: Insertable<RequestLogsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  const byKey = new Map<string, Totals>();
  const byAccount = new Map<string, Totals>();
  for (const row of rows) {
    addTo(byKey, row.api_key_id, row);
    if (row.account_id) addTo(byAccount, row.account_id, row);
  }
  await db.transaction().execute(async (transaction) => {
    await insertRows(transaction, rows);
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
