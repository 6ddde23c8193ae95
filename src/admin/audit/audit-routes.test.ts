import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey } from '../../../tests/support/create-test-api-key.js';
import { createTestApp, type TestApp } from '../../../tests/support/create-test-app.js';
import { testDatabases } from '../../../tests/support/test-environment.js';

interface AuditEntry {
  action: string;
  method: string;
  path: string;
  actor_key_id: string;
  actor_key_name: string;
  target_type: string;
  target_id: string | null;
  http_status: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request: unknown;
}

describe.each(testDatabases())('admin audit log on %s', (database) => {
  let harness: TestApp;
  const audit = async (query = '') => (await (await harness.request('GET', `/admin/audit${query}`)).json()) as { data: AuditEntry[]; next_cursor: string | null };

  beforeAll(async () => {
    harness = await createTestApp({ database });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('records an update with the admin key, the changed fields before and after, and no secrets', async () => {
    const created = await harness.request('POST', '/admin/accounts', { name: 'team q', provider: 'anthropic', api_key: 'sk-ant-very-secret-value' });
    expect(created.status).toBe(201);
    const account = (await created.json()) as { id: string };
    const patched = await harness.request('PATCH', `/admin/accounts/${account.id}`, { name: 'team q2', weight: 3, api_key: 'sk-ant-rotated-secret', proxy_url: 'http://user:hunter2@proxy:8080' });
    expect(patched.status).toBe(200);

    const page = await audit(`?target_id=${account.id}`);
    const [update, create] = page.data;
    expect(create).toMatchObject({ action: 'accounts.create', method: 'POST', target_type: 'accounts', target_id: account.id, http_status: 201 });
    expect(update).toMatchObject({ action: 'accounts.update', method: 'PATCH', http_status: 200, before: { name: 'team q', weight: 1 }, after: { name: 'team q2', weight: 3 } });
    const keys = (await (await harness.request('GET', '/admin/api-keys')).json()) as { data: Array<{ id: string; name: string; is_admin: boolean }> };
    const admin = keys.data.find((key) => key.is_admin)!;
    expect(update).toMatchObject({ actor_key_id: admin.id, actor_key_name: admin.name });
    const text = JSON.stringify(page);
    for (const secret of ['sk-ant-very-secret-value', 'sk-ant-rotated-secret', 'hunter2']) expect(text).not.toContain(secret);
    expect(update!.request).toMatchObject({ api_key: '[redacted]', name: 'team q2' });
  });

  it('never records the plaintext of a created key, and pages with a cursor and filters', async () => {
    const created = await harness.request('POST', '/admin/api-keys', { name: 'audited key' });
    const body = (await created.json()) as { key: string; id: string };
    await harness.request('DELETE', `/admin/api-keys/${body.id}`);
    const entries = await audit('?target_type=api-keys');
    expect(JSON.stringify(entries)).not.toContain(body.key);
    expect(entries.data.map((entry) => entry.action)).toEqual(['api-keys.delete', 'api-keys.create']);
    expect(entries.data[0]!.before).toMatchObject({ name: 'audited key' });

    const first = await audit('?limit=1');
    expect(first.data).toHaveLength(1);
    expect(first.next_cursor).not.toBeNull();
    const second = await audit(`?limit=1&cursor=${first.next_cursor}`);
    const all = await audit('?limit=2');
    expect(second.data.map((entry) => entry.action)).toEqual([all.data[1]!.action]);
    expect((await harness.request('GET', '/admin/audit?cursor=garbage')).status).toBe(400);
  });

  it('every mutating admin route in the OpenAPI document produces an entry', async () => {
    const document = (await (await harness.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const mutating: Array<{ method: string; path: string }> = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/admin/')) continue;
      for (const method of Object.keys(operations)) if (['post', 'put', 'patch', 'delete'].includes(method)) mutating.push({ method: method.toUpperCase(), path });
    }
    expect(mutating.length).toBeGreaterThanOrEqual(8);
    const missing: string[] = [];
    for (const route of mutating) {
      const concrete = route.path.replace(/\{[^}]+\}/g, 'audit-probe');
      const response = await harness.request(route.method, concrete, {});
      const entries = await audit(`?limit=1`);
      const entry = entries.data[0];
      if (!entry || entry.method !== route.method || entry.path !== concrete || entry.http_status !== response.status) missing.push(`${route.method} ${route.path}`);
    }
    expect(missing).toEqual([]);
  });

  it('is for admin keys only', async () => {
    const user = await createTestApiKey(harness.context, { name: 'plain user' });
    const response = await harness.app.request('/admin/audit', { headers: { authorization: `Bearer ${user.key}` } });
    expect(response.status).toBe(403);
  });
});
