import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AccountEventsTable, Database } from '../schema.js';

export type AccountEventRow = Selectable<AccountEventsTable>;
export type AccountEventKind = 'status' | 'error' | 'balance';

export async function insertAccountEvent(db: Kysely<Database>, row: Insertable<AccountEventsTable>): Promise<void> {
  await db.insertInto('account_events').values(row).execute();
}

/** One account's events of some kinds since `since`, newest first. */
export async function listAccountEvents(db: Kysely<Database>, accountId: string, kinds: AccountEventKind[], since: number, limit: number): Promise<AccountEventRow[]> {
  return db
    .selectFrom('account_events')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('kind', 'in', kinds)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
