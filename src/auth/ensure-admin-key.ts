import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChangeBus } from '../store/change-bus.js';
import { countAdminKeys, findApiKeyByHash, insertApiKey, updateApiKey } from '../store/repositories/api-key-repository.js';
import type { Database } from '../store/schema.js';
import { apiKeyMaterial, generateApiKey } from './api-key-material.js';

export type AdminKeyBootstrap =
  | { outcome: 'exists' }
  | { outcome: 'created-from-config'; id: string }
  /** The plaintext is in here exactly once: print it, never store or log it. */
  | { outcome: 'generated'; id: string; key: string };

/**
 * With ADMIN_KEY: make sure a key with that value exists (an admin key named "admin (from ADMIN_KEY)"),
 * and that it is an enabled admin key.
 * Without it: if no admin key exists yet, generate one. There is never a well-known default.
 */
export async function ensureAdminKey(options: { db: Kysely<Database>; bus: ChangeBus; adminKey?: string; now?: number }): Promise<AdminKeyBootstrap> {
  const now = options.now ?? Date.now();
  if (options.adminKey) {
    const material = apiKeyMaterial(options.adminKey);
    const existing = await findApiKeyByHash(options.db, material.hash);
    if (existing) {
      // ADMIN_KEY is the operator's way back in: it is always an enabled, unexpired admin key.
      if (existing.is_admin !== 1 || existing.enabled !== 1 || existing.expires_at !== null) {
        await updateApiKey(options.db, existing.id, { is_admin: 1, enabled: 1, expires_at: null, updated_at: now });
        await options.bus.publish('api-keys', existing.id);
      }
      return { outcome: 'exists' };
    }
    const id = randomUUID();
    await insertApiKey(options.db, {
      id,
      name: 'admin (from ADMIN_KEY)',
      key_hash: material.hash,
      key_hint: material.hint,
      is_admin: 1,
      enabled: 1,
      created_at: now,
      updated_at: now,
    });
    await options.bus.publish('api-keys', id);
    return { outcome: 'created-from-config', id };
  }
  if ((await countAdminKeys(options.db)) > 0) return { outcome: 'exists' };
  const material = generateApiKey();
  const id = randomUUID();
  await insertApiKey(options.db, {
    id,
    name: 'admin (generated at first start)',
    key_hash: material.hash,
    key_hint: material.hint,
    is_admin: 1,
    enabled: 1,
    created_at: now,
    updated_at: now,
  });
  await options.bus.publish('api-keys', id);
  return { outcome: 'generated', id, key: material.key };
}

/** The one-time banner for a generated admin key, written to stdout. */
export function adminKeyBanner(key: string): string {
  const line = '='.repeat(78);
  return [
    '',
    line,
    '  Sluice generated an admin API key. It is shown ONCE; store it now:',
    '',
    `    ${key}`,
    '',
    '  Use it as "Authorization: Bearer <key>" on /admin/*. Set ADMIN_KEY to choose your own.',
    line,
    '',
  ].join('\n');
}
