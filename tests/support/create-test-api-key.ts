import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../../src/auth/api-key-material.js';
import type { AppContext } from '../../src/context.js';
import { insertApiKey } from '../../src/store/repositories/api-key-repository.js';

export interface TestApiKeyOptions {
  name?: string;
  isAdmin?: boolean;
  enabled?: boolean;
  requestsPerMinute?: number | null;
  requestsPerDay?: number | null;
  expiresAt?: number | null;
  allowedModels?: string[] | null;
}

/** Inserts a client key straight into the database and returns its plaintext and id. */
export async function createTestApiKey(context: AppContext, options: TestApiKeyOptions = {}): Promise<{ key: string; id: string }> {
  const material = generateApiKey();
  const id = randomUUID();
  const now = Date.now();
  await insertApiKey(context.database.db, {
    id,
    name: options.name ?? 'test key',
    key_hash: material.hash,
    key_hint: material.hint,
    is_admin: options.isAdmin ? 1 : 0,
    enabled: options.enabled === false ? 0 : 1,
    requests_per_minute: options.requestsPerMinute ?? null,
    requests_per_day: options.requestsPerDay ?? null,
    expires_at: options.expiresAt ?? null,
    allowed_models: options.allowedModels ? JSON.stringify(options.allowedModels) : null,
    created_at: now,
    updated_at: now,
  });
  await context.changeBus.publish('api-keys', id);
  return { key: material.key, id };
}
