import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey } from '../../tests/support/create-test-api-key.js';
import { createTestContext, type TestContext } from '../../tests/support/create-test-context.js';
import { createApiKeyCache } from './api-key-cache.js';
import { apiKeyHint, generateApiKey, hashApiKey } from './api-key-material.js';

describe('api key material', () => {
  it('is amq- plus base64url of 48 bytes, hashed with SHA-256, hinted by its ends', () => {
    const material = generateApiKey();
    expect(material.key).toMatch(/^amq-[A-Za-z0-9_-]{64}$/);
    expect(Buffer.from(material.key.slice(4), 'base64url')).toHaveLength(48);
    expect(material.hash).toBe(hashApiKey(material.key));
    expect(material.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(material.hint).toBe(`amq-${material.key.slice(4, 8)}…${material.key.slice(-4)}`);
    expect(apiKeyHint('short')).toBe('…');
  });
});

describe('api key cache', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(async () => {
    await context.shutdown();
  });

  it('serves hits from memory with no database read', async () => {
    const { key, id } = await createTestApiKey(context, { name: 'cached', requestsPerMinute: 9 });
    expect(await context.apiKeys.authenticate(key)).toMatchObject({ id, name: 'cached', requestsPerMinute: 9, isAdmin: false });
    // Removed behind the cache's back: still served from memory, proving no read happens.
    await context.database.db.deleteFrom('api_keys').where('id', '=', id).execute();
    expect((await context.apiKeys.authenticate(key)).id).toBe(id);
    // The change message empties the cache.
    await context.changeBus.publish('api-keys', id);
    await expect(context.apiKeys.authenticate(key)).rejects.toMatchObject({ status: 401 });
  });

  it('remembers unknown keys briefly, then looks again', async () => {
    let now = 1_000_000;
    const cache = createApiKeyCache({ db: context.database.db, bus: context.changeBus, now: () => now, negativeTtlMs: 5_000 });
    try {
      const material = generateApiKey();
      await expect(cache.authenticate(material.key)).rejects.toMatchObject({ status: 401 });
      await context.database.db
        .insertInto('api_keys')
        .values({ id: 'late', name: 'late', key_hash: material.hash, key_hint: material.hint, is_admin: 0, enabled: 1, created_at: 0, updated_at: 0 })
        .execute();
      await expect(cache.authenticate(material.key)).rejects.toMatchObject({ status: 401 });
      now += 5_001;
      expect((await cache.authenticate(material.key)).id).toBe('late');
    } finally {
      cache.close();
    }
  });

  it('re-reads known keys after a few minutes, in case a change message was lost', async () => {
    const { key, id } = await createTestApiKey(context);
    let now = Date.now();
    const cache = createApiKeyCache({ db: context.database.db, bus: context.changeBus, now: () => now, positiveTtlMs: 300_000 });
    try {
      await cache.authenticate(key);
      await context.database.db.deleteFrom('api_keys').where('id', '=', id).execute();
      now += 299_000;
      expect((await cache.authenticate(key)).id).toBe(id);
      now += 2_000;
      await expect(cache.authenticate(key)).rejects.toMatchObject({ status: 401 });
    } finally {
      cache.close();
    }
  });

  it('bounds its size', async () => {
    const cache = createApiKeyCache({ db: context.database.db, bus: context.changeBus, maxEntries: 10 });
    try {
      for (let index = 0; index < 25; index += 1) await cache.authenticate(`amq-random-${index}`).catch(() => undefined);
      expect(cache.size).toBeLessThanOrEqual(10);
    } finally {
      cache.close();
    }
  });

  it('rejects expired keys without a new read', async () => {
    const { key } = await createTestApiKey(context, { expiresAt: Date.now() + 60_000 });
    let now = Date.now();
    const cache = createApiKeyCache({ db: context.database.db, bus: context.changeBus, now: () => now });
    try {
      await cache.authenticate(key);
      now += 120_000;
      await expect(cache.authenticate(key)).rejects.toThrow(/expired/);
    } finally {
      cache.close();
    }
  });
});
