import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface SettingRow {
  key: string;
  value: string;
}

export async function listSettingRows(db: Kysely<Database>): Promise<SettingRow[]> {
  return db.selectFrom('settings').select(['key', 'value']).execute();
}

/** Writes every row in one transaction: a settings update lands whole or not at all. */
export async function upsertSettingRows(db: Kysely<Database>, rows: SettingRow[], now: number): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (transaction) => {
    for (const row of rows) {
      await transaction
        .insertInto('settings')
        .values({ key: row.key, value: row.value, updated_at: now })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: row.value, updated_at: now }))
        .execute();
    }
  });
}
