import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/support/create-test-context.js';
import { listApiKeys } from '../store/repositories/api-key-repository.js';
import { adminKeyBanner, ensureAdminKey } from './ensure-admin-key.js';

describe('ensureAdminKey', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(async () => {
    await context.shutdown();
  });
  const ensure = (adminKey?: string) => ensureAdminKey({ db: context.database.db, bus: context.changeBus, adminKey });

  it('generates one admin key on the first start only', async () => {
    const first = await ensure();
    expect(first.outcome).toBe('generated');
    const key = first.outcome === 'generated' ? first.key : '';
    expect(key).toMatch(/^amq-/);
    expect(adminKeyBanner(key)).toContain(key);
    expect((await context.apiKeys.authenticate(key)).isAdmin).toBe(true);
    expect(await ensure()).toEqual({ outcome: 'exists' });
    expect(await listApiKeys(context.database.db)).toHaveLength(1);
  });

  it('stores ADMIN_KEY once and never generates another', async () => {
    const adminKey = 'operator-chosen-admin-key-0123456789';
    expect((await ensure(adminKey)).outcome).toBe('created-from-config');
    expect(await ensure(adminKey)).toEqual({ outcome: 'exists' });
    const keys = await listApiKeys(context.database.db);
    expect(keys.map((key) => key.name)).toEqual(['admin (from ADMIN_KEY)']);
    expect(JSON.stringify(keys)).not.toContain(adminKey);
  });

  it('restores ADMIN_KEY to an enabled admin key if it was demoted or disabled', async () => {
    const adminKey = 'operator-chosen-admin-key-0123456789';
    await ensure(adminKey);
    await context.database.db.updateTable('api_keys').set({ is_admin: 0, enabled: 0 }).execute();
    await context.changeBus.publish('api-keys');
    await ensure(adminKey);
    expect(await context.apiKeys.authenticate(adminKey)).toMatchObject({ isAdmin: true });
  });
});
