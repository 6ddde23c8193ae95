import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/create-test-app.js';
import { createTestContext } from '../../tests/support/create-test-context.js';
import { testDatabases } from '../../tests/support/test-environment.js';
import { resealAccountSecretSettings } from './reseal-account-secret-settings.js';

type Json = Record<string, any>;

describe.each(testDatabases())('proxy passwords, header values and webhook secrets at rest on %s', (database) => {
  let harness: TestApp;
  beforeAll(async () => {
    harness = await createTestApp({ database });
  });
  afterAll(async () => {
    await harness.close();
  });

  const storedRow = (id: string) => harness.context.database.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('seals the proxy password and header values, masks them in every answer, keeps them on a masked PATCH', async () => {
    const created = await harness.request('POST', '/admin/accounts', {
      name: 'sealed',
      provider: 'openai',
      api_key: 'sk-proj-abcdefghijkl',
      proxy_url: 'http://proxyuser:pr0xy-passw0rd@127.0.0.1:3128',
      headers: { 'x-team-token': 'header-secret-value' },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Json;
    expect(body.proxy_url).toBe('http://proxyuser:***@127.0.0.1:3128/');
    expect(body.headers).toEqual({ 'x-team-token': '***' });

    const row = await storedRow(body.id);
    expect(JSON.stringify(row)).not.toContain('pr0xy-passw0rd');
    expect(JSON.stringify(row)).not.toContain('header-secret-value');
    const record = harness.context.accounts.get(body.id);
    expect(record?.upstream.proxyUrl).toBe('http://proxyuser:pr0xy-passw0rd@127.0.0.1:3128');
    expect(record?.upstream.settings.headers).toEqual({ 'x-team-token': 'header-secret-value' });

    for (const path of ['/admin/accounts', `/admin/accounts/${body.id}`]) {
      const text = await (await harness.request('GET', path)).text();
      expect(text).not.toContain('pr0xy-passw0rd');
      expect(text).not.toContain('header-secret-value');
    }

    // The UI sends back what it was shown: the stored values stay.
    const echoed = await harness.request('PATCH', `/admin/accounts/${body.id}`, {
      proxy_url: body.proxy_url,
      headers: { ...body.headers, 'x-added': 'new-value' },
      weight: 3,
    });
    expect(echoed.status).toBe(200);
    expect(((await echoed.json()) as Json).headers).toEqual({ 'x-team-token': '***', 'x-added': '***' });
    expect(harness.context.accounts.get(body.id)?.upstream).toMatchObject({
      proxyUrl: 'http://proxyuser:pr0xy-passw0rd@127.0.0.1:3128/',
      settings: { headers: { 'x-team-token': 'header-secret-value', 'x-added': 'new-value' } },
    });

    const replaced = await harness.request('PATCH', `/admin/accounts/${body.id}`, { proxy_url: 'http://other:changed-pass@127.0.0.1:3129', headers: null });
    expect(replaced.status).toBe(200);
    expect(harness.context.accounts.get(body.id)?.upstream.proxyUrl).toBe('http://other:changed-pass@127.0.0.1:3129');
    expect(harness.context.accounts.get(body.id)?.upstream.settings.headers).toBeUndefined();
    expect(JSON.stringify(await storedRow(body.id))).not.toContain('changed-pass');
  });

  it('seals plaintext rows of older versions at start-up, once', async () => {
    const created = (await (
      await harness.request('POST', '/admin/accounts', { name: 'legacy', provider: 'anthropic', api_key: 'sk-ant-legacy-0123456789', region: undefined })
    ).json()) as Json;
    // What an older version wrote: plaintext columns.
    await harness.context.database.db
      .updateTable('accounts')
      .set({ proxy_url: 'socks5://u:legacy-pass@127.0.0.1:1080', settings: JSON.stringify({ headers: { 'x-legacy': 'legacy-header-value' } }) })
      .where('id', '=', created.id)
      .execute();
    await harness.context.database.db
      .insertInto('settings')
      .values({ key: 'webhooks', value: JSON.stringify([{ url: 'http://127.0.0.1:9/hook', events: ['balance_low'], secret: 'legacy-webhook-secret' }]), updated_at: Date.now() })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: JSON.stringify([{ url: 'http://127.0.0.1:9/hook', events: ['balance_low'], secret: 'legacy-webhook-secret' }]) }))
      .execute();

    // A second instance starting on the same database re-seals.
    const restarted = await createTestContext({ shareDatabaseWith: harness.context });
    try {
      const row = await storedRow(created.id);
      expect(JSON.stringify(row)).not.toContain('legacy-pass');
      expect(JSON.stringify(row)).not.toContain('legacy-header-value');
      expect(row.proxy_url).toBe('socks5://u:***@127.0.0.1:1080');
      expect(restarted.accounts.get(created.id)?.upstream).toMatchObject({
        proxyUrl: 'socks5://u:legacy-pass@127.0.0.1:1080',
        settings: { headers: { 'x-legacy': 'legacy-header-value' } },
      });
      const webhooks = await harness.context.database.db.selectFrom('settings').select('value').where('key', '=', 'webhooks').executeTakeFirstOrThrow();
      expect(webhooks.value).not.toContain('legacy-webhook-secret');
      expect(restarted.settings.get().webhooks[0]?.secret).toBe('legacy-webhook-secret');
      expect(await resealAccountSecretSettings(restarted.database.db, restarted.secretBox)).toBe(0);
    } finally {
      await restarted.shutdown();
    }
  });

  it('stores webhook secrets sealed and reads them back after a restart', async () => {
    const patched = await harness.request('PATCH', '/admin/settings', {
      webhooks: [{ url: 'http://127.0.0.1:9/signed', events: ['account_disabled'], secret: 'webhook-signing-secret' }],
    });
    expect(patched.status).toBe(200);
    expect(await patched.text()).not.toContain('webhook-signing-secret');
    const stored = await harness.context.database.db.selectFrom('settings').select('value').where('key', '=', 'webhooks').executeTakeFirstOrThrow();
    expect(stored.value).not.toContain('webhook-signing-secret');
    expect(stored.value).toContain('secret_sealed');
    expect(harness.context.settings.get().webhooks[0]?.secret).toBe('webhook-signing-secret');
    await harness.context.settings.reload();
    expect(harness.context.settings.get().webhooks[0]?.secret).toBe('webhook-signing-secret');
  });
});
