import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/create-test-app.js';
import { testDatabases } from '../../../tests/support/test-environment.js';
import { defaultSettings } from '../../settings/settings-schema.js';

describe.each(testDatabases())('admin settings on %s', (database) => {
  let harness: TestApp;
  beforeAll(async () => {
    harness = await createTestApp({ database });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('returns the defaults on a fresh install', async () => {
    const response = await harness.request('GET', '/admin/settings');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(defaultSettings());
  });

  it('merges top-level fields, persists them and keeps the rest', async () => {
    const response = await harness.request('PATCH', '/admin/settings', {
      routing_strategy: 'weighted',
      model_mappings: { 'gpt-4': 'claude-opus-4.5', 'gpt-4o': 'claude-sonnet-4.5' },
      prices: { 'my-model': { input: 1, output: 2 } },
    });
    expect(response.status).toBe(200);
    const settings = (await response.json()) as Record<string, unknown>;
    expect(settings).toMatchObject({ routing_strategy: 'weighted', log_retention_days: 30, model_mappings: { 'gpt-4o': 'claude-sonnet-4.5' } });
    expect(harness.context.settings.get().routing_strategy).toBe('weighted');
    await harness.context.settings.reload();
    expect(harness.context.settings.get()).toEqual(settings);
    const rows = await harness.context.database.db.selectFrom('settings').select('key').execute();
    expect(rows.map((row) => row.key).sort()).toEqual(['model_mappings', 'prices', 'routing_strategy']);
  });

  it('rejects bad input with a 400 naming the field and changes nothing', async () => {
    const before = harness.context.settings.get();
    const cases: Array<[unknown, string]> = [
      [{ routing_strategy: 'random' }, 'routing_strategy'],
      [{ log_retention_days: 0 }, 'log_retention_days'],
      [{ webhooks: [{ url: 'not a url' }] }, 'webhooks.0.url'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const response = await harness.request('PATCH', '/admin/settings', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect((await harness.request('PATCH', '/admin/settings', [1, 2])).status).toBe(400);
    expect(harness.context.settings.get()).toEqual(before);
  });

  it('takes an IANA time zone for day boundaries and refuses unknown names', async () => {
    expect(defaultSettings().timezone).toBe('UTC');
    const bad = await harness.request('PATCH', '/admin/settings', { timezone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('timezone');
    const good = await harness.request('PATCH', '/admin/settings', { timezone: 'Asia/Shanghai' });
    expect(good.status).toBe(200);
    expect(harness.context.settings.get().timezone).toBe('Asia/Shanghai');
    await harness.request('PATCH', '/admin/settings', { timezone: 'UTC' });
  });

  it('never returns webhook signing secrets, and keeps them when the masked value comes back', async () => {
    const hook = { url: 'https://hooks.example.com/sluice', events: ['account_disabled'], secret: 'whsec-very-secret' };
    const saved = await harness.request('PATCH', '/admin/settings', { webhooks: [hook] });
    expect(JSON.stringify(await saved.json())).not.toContain('whsec-very-secret');
    const shown = (await (await harness.request('GET', '/admin/settings')).json()) as { webhooks: Array<{ secret?: string }> };
    expect(shown.webhooks[0]!.secret).toBe('********');
    await harness.request('PATCH', '/admin/settings', { webhooks: shown.webhooks });
    expect(harness.context.settings.get().webhooks[0]!.secret).toBe('whsec-very-secret');
    await harness.request('PATCH', '/admin/settings', { webhooks: [{ url: hook.url, events: hook.events }] });
    expect(harness.context.settings.get().webhooks[0]!.secret).toBeUndefined();
  });
});
