import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { AccountsTable, Database } from '../schema.js';

/** A stored account without its encrypted credentials: safe for the admin API. */
export type AccountRow = Omit<Selectable<AccountsTable>, 'credentials_encrypted'>;
/** A stored account with its encrypted credentials: only the account store reads these. */
export type AccountSecretRow = Selectable<AccountsTable>;
export type NewAccountRow = Insertable<AccountsTable>;
export type AccountRowPatch = Omit<Updateable<AccountsTable>, 'id' | 'provider' | 'created_at'>;

const publicColumns = [
  'id',
  'name',
  'provider',
  'enabled',
  'credential_hints',
  'settings',
  'base_url',
  'auth_url',
  'requests_per_minute',
  'max_concurrency',
  'weight',
  'priority',
  'proxy_url',
  'user_agent',
  'models',
  'initial_balance',
  'balance_threshold',
  'status',
  'status_reason',
  'status_changed_at',
  'cooldown_until',
  'last_error',
  'last_error_at',
  'balance',
  'balance_checked_at',
  'last_used_at',
  'total_requests',
  'total_tokens',
  'total_cost',
  'total_credits',
  'created_at',
  'updated_at',
] as const;

export async function insertAccount(db: Kysely<Database>, row: NewAccountRow): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

export async function listAccountRows(db: Kysely<Database>): Promise<AccountRow[]> {
  return db.selectFrom('accounts').select(publicColumns).orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
}

export async function findAccountRow(db: Kysely<Database>, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').select(publicColumns).where('id', '=', id).executeTakeFirst();
}

export async function listAccountSecretRows(db: Kysely<Database>): Promise<AccountSecretRow[]> {
  return db.selectFrom('accounts').select([...publicColumns, 'credentials_encrypted']).execute();
}

export async function findAccountSecretRow(db: Kysely<Database>, id: string): Promise<AccountSecretRow | undefined> {
  return db.selectFrom('accounts').select([...publicColumns, 'credentials_encrypted']).where('id', '=', id).executeTakeFirst();
}

export async function updateAccount(db: Kysely<Database>, id: string, patch: AccountRowPatch): Promise<boolean> {
  const result = await db.updateTable('accounts').set(patch).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteAccount(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('accounts').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
