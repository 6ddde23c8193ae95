import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey } from '../../../tests/support/create-test-api-key.js';
import { ensureAdminKey } from '../../auth/ensure-admin-key.js';
import { createTestApp, type TestApp } from '../../../tests/support/create-test-app.js';
import { testDatabases } from '../../../tests/support/test-environment.js';

describe.each(testDatabases())('admin API keys on %s', (database) => {
  let harness: TestApp;
  beforeAll(async () => {
    harness = await createTestApp({ database });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('creates a key, returns the plaintext once and stores only a hash', async () => {
    const response = await harness.request('POST', '/admin/api-keys', { name: 'alice', requests_per_minute: 5, allowed_models: ['claude-*'] });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Record<string, unknown>;
    expect(created.key).toMatch(/^amq-[A-Za-z0-9_-]{64}$/);
    expect(created.key_hint).toMatch(/^amq-.{4}….{4}$/);
    expect(created).toMatchObject({ name: 'alice', is_admin: false, enabled: true, requests_per_minute: 5, allowed_models: ['claude-*'], total_requests: 0 });
    const stored = await harness.context.database.db.selectFrom('api_keys').selectAll().where('id', '=', created.id as string).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(created.key as string);

    const fetched = (await (await harness.request('GET', `/admin/api-keys/${created.id}`)).json()) as Record<string, unknown>;
    expect(fetched.key).toBeUndefined();
    expect(fetched.name).toBe('alice');
    const list = (await (await harness.request('GET', '/admin/api-keys')).json()) as { data: Array<Record<string, unknown>> };
    expect(list.data.some((key) => key.id === created.id)).toBe(true);
    expect(JSON.stringify(list)).not.toContain(created.key as string);
  });

  it('patches and deletes, and the change reaches authentication at once', async () => {
    const created = (await (await harness.request('POST', '/admin/api-keys', { name: 'bob', is_admin: true })).json()) as { id: string; key: string };
    const asBob = () => harness.app.request('/admin/settings', { headers: { 'x-api-key': created.key } });
    expect((await asBob()).status).toBe(200);

    const patched = await harness.request('PATCH', `/admin/api-keys/${created.id}`, {
      is_admin: false,
      expires_at: '2099-01-01T00:00:00Z',
      budgets: { daily_tokens: 1000 },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ is_admin: false, expires_at: '2099-01-01T00:00:00.000Z', budgets: { daily_tokens: 1000 } });
    expect((await asBob()).status).toBe(403);

    await harness.request('PATCH', `/admin/api-keys/${created.id}`, { enabled: false });
    expect((await asBob()).status).toBe(401);

    expect((await harness.request('DELETE', `/admin/api-keys/${created.id}`)).status).toBe(204);
    expect((await harness.request('GET', `/admin/api-keys/${created.id}`)).status).toBe(404);
    expect((await harness.request('DELETE', `/admin/api-keys/${created.id}`)).status).toBe(404);
    expect((await harness.request('PATCH', `/admin/api-keys/${created.id}`, { name: 'x' })).status).toBe(404);
  });

  it('rejects bad input with a 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'name'],
      [{ name: 'x', requests_per_minute: 'ten' }, 'requests_per_minute'],
      [{ name: 'x', expires_at: 'tomorrow' }, 'expires_at'],
      [{ name: 'x', budgets: { daily_tokens: -1 } }, 'budgets.daily_tokens'],
      [{ name: 'x', colour: 'red' }, 'colour'],
      [{ name: 'x', max_concurrency: 0 }, 'max_concurrency'],
      [{ name: 'x', queue_timeout_ms: -1 }, 'queue_timeout_ms'],
    ];
    for (const [body, field] of cases) {
      const response = await harness.request('POST', '/admin/api-keys', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const payload = (await response.json()) as { error: { type: string; message: string; field?: string } };
      expect(payload.error.type).toBe('invalid_request');
      expect(payload.error.field).toBe(field);
    }
    const malformed = await harness.request('POST', '/admin/api-keys', '{"name":');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { type: string } }).error.type).toBe('invalid_request');
  });

  it('keeps a deleted key as a revoked row whose value can be issued again (ADMIN_KEY)', async () => {
    const created = (await (await harness.request('POST', '/admin/api-keys', { name: 'carol', is_admin: true, max_concurrency: 3 })).json()) as { id: string; key: string; max_concurrency: number };
    expect(created.max_concurrency).toBe(3);
    expect((await harness.request('DELETE', `/admin/api-keys/${created.id}`)).status).toBe(204);
    const row = await harness.context.database.db.selectFrom('api_keys').select(['name', 'enabled', 'is_admin', 'deleted_at', 'key_hash']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'carol', enabled: 0, is_admin: 0, key_hash: `deleted:${created.id}` });
    expect(row.deleted_at).not.toBeNull();
    const restored = await ensureAdminKey({ db: harness.context.database.db, bus: harness.context.changeBus, adminKey: created.key });
    expect(restored.outcome).toBe('created-from-config');
    expect((await harness.app.request('/admin/settings', { headers: { 'x-api-key': created.key } })).status).toBe(200);
  });

  it('refuses to delete or demote the admin key in use', async () => {
    const own = harness.context.apiKeys;
    const me = await own.authenticate(harness.adminKey);
    expect((await harness.request('DELETE', `/admin/api-keys/${me.id}`)).status).toBe(400);
    expect((await harness.request('PATCH', `/admin/api-keys/${me.id}`, { is_admin: false })).status).toBe(400);
  });

  it('answers 401 without a valid key and 403 for a non-admin key, in the admin format', async () => {
    const missing = await harness.app.request('/admin/api-keys');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { type: 'authentication' } });
    expect((await harness.app.request('/admin/api-keys', { headers: { authorization: 'Bearer amq-nope' } })).status).toBe(401);
    const { key } = await createTestApiKey(harness.context);
    const forbidden = await harness.app.request('/admin/api-keys', { headers: { authorization: `Bearer ${key}` } });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { type: 'permission' } });
  });
});
