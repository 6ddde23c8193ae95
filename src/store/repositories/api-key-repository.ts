import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ApiKeysTable, Database } from '../schema.js';

/** A stored key without its hash: what the admin API and the key cache work with. Deleted keys are never returned. */
export type ApiKeyRow = Omit<Selectable<ApiKeysTable>, 'key_hash' | 'deleted_at'>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
export type ApiKeyRowPatch = Omit<Updateable<ApiKeysTable>, 'id' | 'key_hash' | 'created_at' | 'deleted_at'>;

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
  'max_concurrency',
  'queue_timeout_ms',
] as const;

export async function insertApiKey(db: Kysely<Database>, row: NewApiKeyRow): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').select(columns).where('deleted_at', 'is', null).orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
}

export async function findApiKeyById(db: Kysely<Database>, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').select(columns).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function findApiKeyByHash(db: Kysely<Database>, hash: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').select(columns).where('key_hash', '=', hash).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function updateApiKey(db: Kysely<Database>, id: string, patch: ApiKeyRowPatch): Promise<boolean> {
  const result = await db.updateTable('api_keys').set(patch).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Revokes a key for good: the row stays (disabled, marked deleted) so that logs and stats keep its
 * name, but it never authenticates or lists again. Its hash is dropped, so the same key value may be
 * created again (ADMIN_KEY) without clashing.
 */
export async function deleteApiKey(db: Kysely<Database>, id: string, now = Date.now()): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ deleted_at: now, enabled: 0, is_admin: 0, key_hash: `deleted:${id}`, updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countAdminKeys(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((builder) => builder.fn.countAll<number | string>().as('count'))
    .where('is_admin', '=', 1)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
