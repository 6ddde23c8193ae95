import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ApiKeysTable, Database } from '../schema.js';

/** A stored key without its hash: what the admin API and the key cache work with. */
export type ApiKeyRow = Omit<Selectable<ApiKeysTable>, 'key_hash'>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
export type ApiKeyRowPatch = Omit<Updateable<ApiKeysTable>, 'id' | 'key_hash' | 'created_at'>;

const columns = [
  'id',
  'name',
  'key_hint',
  'is_admin',
  'enabled',
  'requests_per_minute',
  'requests_per_day',
  'expires_at',
  'allowed_models',
  'budgets',
  'created_at',
  'updated_at',
  'last_used_at',
  'total_requests',
  'total_tokens',
  'total_cost',
] as const;

export async function insertApiKey(db: Kysely<Database>, row: NewApiKeyRow): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').select(columns).orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
}

export async function findApiKeyById(db: Kysely<Database>, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function findApiKeyByHash(db: Kysely<Database>, hash: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').select(columns).where('key_hash', '=', hash).executeTakeFirst();
}

export async function updateApiKey(db: Kysely<Database>, id: string, patch: ApiKeyRowPatch): Promise<boolean> {
  const result = await db.updateTable('api_keys').set(patch).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteApiKey(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('api_keys').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countAdminKeys(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((builder) => builder.fn.countAll<number | string>().as('count'))
    .where('is_admin', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
