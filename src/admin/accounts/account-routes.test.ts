import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/create-test-app.js';
import { testDatabases } from '../../../tests/support/test-environment.js';

type Json = Record<string, any>;

describe.each(testDatabases())('admin accounts on %s', (database) => {
  let harness: TestApp;
  const post = async (path: string, body: unknown) => {
    const response = await harness.request('POST', path, body);
    return { status: response.status, body: (await response.json()) as Json };
  };
  beforeAll(async () => {
    harness = await createTestApp({ database });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('accepts the original example as written (provider defaults to amazonq) and never returns secrets', async () => {
    const refreshToken = 'aorAAAAAGexample-refresh-token-0123456789';
    const { status, body } = await post('/admin/accounts', {
      name: '账号1',
      refresh_token: refreshToken,
      client_id: 'client-id-0123456789abcdef',
      client_secret: 'client-secret-super-secret-value',
      requests_per_minute: 10,
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      name: '账号1',
      provider: 'amazonq',
      enabled: true,
      requests_per_minute: 10,
      status: 'active',
      base_url: null,
      region: null,
      weight: 1,
      priority: 0,
      credentials: { api_key: null, refresh_token: 'aorA…6789', client_id: 'clie…cdef', client_secret: true },
    });
    expect(JSON.stringify(body)).not.toContain('super-secret');
    expect(JSON.stringify(body)).not.toContain(refreshToken);

    const stored = await harness.context.database.db.selectFrom('accounts').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(stored.credentials_encrypted).not.toContain('super-secret');
    expect(stored.credentials_encrypted.startsWith('v1.')).toBe(true);

    const record = harness.context.accounts.get(body.id);
    expect(record?.upstream).toMatchObject({
      baseUrl: 'https://q.us-east-1.amazonaws.com',
      authUrl: 'https://oidc.us-east-1.amazonaws.com',
      credentials: { refresh_token: refreshToken, client_secret: 'client-secret-super-secret-value' },
    });
  });

  it('creates every provider with its defaults resolved for the pool', async () => {
    const cases: Array<[Json, Json]> = [
      [{ provider: 'anthropic', api_key: 'sk-ant-api03-abcdefghijkl' }, { baseUrl: 'https://api.anthropic.com' }],
      [{ provider: 'openai', api_key: 'sk-proj-abcdefghijkl' }, { baseUrl: 'https://api.openai.com/v1' }],
      [{ provider: 'amp', api_key: 'sgamp_user_abcdefghijkl' }, { baseUrl: 'https://ampcode.com' }],
      [{ provider: 'openai-compatible', api_key: 'key-abcdefghijkl', base_url: 'http://127.0.0.1:9/v1' }, { baseUrl: 'http://127.0.0.1:9/v1' }],
      [
        { provider: 'kiro', refresh_token: 'aorKiroRefresh0123456789', region: 'eu-central-1' },
        { baseUrl: 'https://q.eu-central-1.amazonaws.com', authUrl: 'https://prod.eu-central-1.auth.desktop.kiro.dev', settings: { auth_method: 'social', region: 'eu-central-1' } },
      ],
      [
        { provider: 'kiro', refresh_token: 'aorKiroRefresh0123456789', auth_method: 'idc', client_id: 'cid', client_secret: 'csecret' },
        { authUrl: 'https://oidc.us-east-1.amazonaws.com', settings: { auth_method: 'idc' } },
      ],
    ];
    for (const [input, expected] of cases) {
      const { status, body } = await post('/admin/accounts', { name: `${input.provider} account`, ...input });
      expect(status, JSON.stringify(body)).toBe(201);
      expect(harness.context.accounts.get(body.id)?.upstream, input.provider).toMatchObject(expected);
    }
  });

  it('keeps proxy, headers, models and user agent, masking a proxy password', async () => {
    const { body } = await post('/admin/accounts', {
      name: 'proxied',
      provider: 'openai',
      api_key: 'sk-proj-abcdefghijkl',
      proxy_url: 'socks5://user:hunter2@127.0.0.1:1080',
      user_agent: 'my-agent/1.0',
      models: ['gpt-4o*'],
      headers: { 'x-extra': 'yes' },
      max_concurrency: 3,
      weight: 5,
      priority: 2,
    });
    expect(body.proxy_url).toBe('socks5://user:***@127.0.0.1:1080');
    expect(body).toMatchObject({ user_agent: 'my-agent/1.0', models: ['gpt-4o*'], headers: { 'x-extra': '***' }, max_concurrency: 3, weight: 5, priority: 2 });
    const record = harness.context.accounts.get(body.id);
    expect(record?.upstream.proxyUrl).toBe('socks5://user:hunter2@127.0.0.1:1080');
    expect(record?.upstream.settings.headers).toEqual({ 'x-extra': 'yes' });
    expect(record?.models).toEqual(['gpt-4o*']);
  });

  it('rejects bad input with a 400 naming the field and writes nothing', async () => {
    const before = (await harness.request('GET', '/admin/accounts').then((response) => response.json())) as { data: unknown[] };
    const cases: Array<[Json, string]> = [
      [{ name: 'x', provider: 'nope', api_key: 'k' }, 'provider'],
      [{ name: 'x', refresh_token: 'r', client_id: 'c' }, 'client_secret'],
      [{ name: 'x', provider: 'anthropic' }, 'api_key'],
      [{ name: 'x', provider: 'openai-compatible', api_key: 'k' }, 'base_url'],
      [{ name: 'x', provider: 'kiro', refresh_token: 'r', auth_method: 'idc' }, 'client_id'],
      [{ name: 'x', provider: 'openai', api_key: 'k', proxy_url: 'ftp://proxy' }, 'proxy_url'],
      [{ name: 'x', provider: 'openai', api_key: 'k', requests_per_minute: 'ten' }, 'requests_per_minute'],
      [{ provider: 'openai', api_key: 'k' }, 'name'],
      [{ name: 'x', provider: 'openai', api_key: 'k', refresh_token: 'r' }, 'refresh_token'],
    ];
    for (const [input, field] of cases) {
      const { status, body } = await post('/admin/accounts', input);
      expect(status, JSON.stringify(input)).toBe(400);
      expect(body.error.field, JSON.stringify(body)).toBe(field);
    }
    const malformed = await harness.request('POST', '/admin/accounts', '{not json');
    expect(malformed.status).toBe(400);
    const after = (await harness.request('GET', '/admin/accounts').then((response) => response.json())) as { data: unknown[] };
    expect(after.data.length).toBe(before.data.length);
  });

  it('patches fields and credentials, re-encrypting, and refuses provider changes', async () => {
    const { body: created } = await post('/admin/accounts', { name: 'to patch', provider: 'anthropic', api_key: 'sk-ant-old-0123456789' });
    const patched = await harness.request('PATCH', `/admin/accounts/${created.id}`, { requests_per_minute: 7, enabled: false, base_url: 'http://127.0.0.1:1' });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ requests_per_minute: 7, enabled: false, base_url: 'http://127.0.0.1:1', credentials: { api_key: 'sk-a…6789' } });
    expect(harness.context.accounts.get(created.id)).toMatchObject({ enabled: false, requestsPerMinute: 7 });

    const rotated = await harness.request('PATCH', `/admin/accounts/${created.id}`, { api_key: 'sk-ant-new-9876543210' });
    expect(((await rotated.json()) as Json).credentials.api_key).toBe('sk-a…3210');
    expect(harness.context.accounts.get(created.id)?.upstream.credentials.api_key).toBe('sk-ant-new-9876543210');

    const cleared = await harness.request('PATCH', `/admin/accounts/${created.id}`, { base_url: null });
    expect(((await cleared.json()) as Json).base_url).toBeNull();
    expect(harness.context.accounts.get(created.id)?.upstream.baseUrl).toBe('https://api.anthropic.com');

    const providerChange = await harness.request('PATCH', `/admin/accounts/${created.id}`, { provider: 'openai' });
    expect(providerChange.status).toBe(400);
    expect(((await providerChange.json()) as Json).error.field).toBe('provider');

    const invalid = await harness.request('PATCH', `/admin/accounts/${created.id}`, { name: 'renamed', weight: 0 });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as Json).error.field).toBe('weight');
    const unchanged = (await (await harness.request('GET', `/admin/accounts/${created.id}`)).json()) as Json;
    expect(unchanged.name).toBe('to patch');

    expect((await harness.request('PATCH', '/admin/accounts/missing', { name: 'x' })).status).toBe(404);
  });

  it('deletes accounts and answers 404 for unknown ids', async () => {
    const { body: created } = await post('/admin/accounts', { name: 'to delete', provider: 'openai', api_key: 'sk-0123456789abc' });
    expect((await harness.request('DELETE', `/admin/accounts/${created.id}`)).status).toBe(204);
    expect(harness.context.accounts.get(created.id)).toBeUndefined();
    expect((await harness.request('GET', `/admin/accounts/${created.id}`)).status).toBe(404);
    expect((await harness.request('DELETE', `/admin/accounts/${created.id}`)).status).toBe(404);
  });

  it('imports rows independently and reports each', async () => {
    const { status, body } = await post('/admin/accounts/import', [
      { name: 'one', provider: 'openai', api_key: 'sk-one-0123456789' },
      { name: 'two', provider: 'openai' },
      'not an object',
      { name: 'three', refresh_token: 'r', client_id: 'c', client_secret: 's' },
    ]);
    expect(status).toBe(200);
    expect(body).toMatchObject({ created: 2, failed: 2 });
    expect(body.results[0]).toMatchObject({ index: 0, ok: true });
    expect(body.results[1]).toMatchObject({ index: 1, ok: false, error: expect.stringContaining('api_key') });
    expect(body.results[2]).toMatchObject({ index: 2, ok: false });
    expect(body.results[3]).toMatchObject({ index: 3, ok: true });
    const single = await post('/admin/accounts/import', { not: 'an account' });
    expect(single.status).toBe(200);
    expect(single.body).toMatchObject({ created: 0, failed: 1, results: [{ status: 'rejected', ok: false }] });
    expect((await post('/admin/accounts/import', [])).status).toBe(400);
  });

  it('answers 501 for test and balance until their hooks are wired, then calls them', async () => {
    const { body: created } = await post('/admin/accounts', { name: 'hooks', provider: 'openai', api_key: 'sk-0123456789abc' });
    const wired = { tester: harness.context.accountTester, balances: harness.context.balances, live: harness.context.accountLiveStates };
    harness.context.accountTester = undefined;
    harness.context.balances = undefined;
    harness.context.accountLiveStates = undefined;
    expect((await harness.request('POST', `/admin/accounts/${created.id}/test`)).status).toBe(501);
    expect((await harness.request('GET', `/admin/accounts/${created.id}/balance`)).status).toBe(501);
    expect((await harness.request('POST', '/admin/accounts/missing/test')).status).toBe(404);

    harness.context.accountTester = { test: async (id) => ({ ok: id === created.id, latency_ms: 12 }) };
    harness.context.balances = { fetch: async () => ({ remaining: 4.5, unit: 'USD', source: 'upstream', checkedAt: 1 }) };
    harness.context.accountLiveStates = async (ids) => new Map(ids.map((id) => [id, { rpm_now: 3, in_flight: 1, cooldown_until: null }]));
    try {
      expect(await (await harness.request('POST', `/admin/accounts/${created.id}/test`)).json()).toEqual({ ok: true, latency_ms: 12 });
      expect(await (await harness.request('GET', `/admin/accounts/${created.id}/balance`)).json()).toMatchObject({ balance: { remaining: 4.5 } });
      expect(await (await harness.request('GET', `/admin/accounts/${created.id}`)).json()).toMatchObject({ live: { rpm_now: 3, in_flight: 1, cooldown_until: null } });
    } finally {
      harness.context.accountTester = wired.tester;
      harness.context.balances = wired.balances;
      harness.context.accountLiveStates = wired.live;
    }
  });

  it('reports the status as of now, not as of the last write', async () => {
    const { body: created } = await post('/admin/accounts', { name: 'derived status', provider: 'anthropic', api_key: 'sk-ant-api03-status-derived', balance_threshold: 1 });
    const id = created.id as string;
    const reason = 'upstream unavailable (1 in a row), paused 8 s';
    await harness.context.accounts.updateState(id, { status: 'cooling', statusReason: reason, cooldownUntil: Date.now() - 600_000 });
    const stale = (await (await harness.request('GET', `/admin/accounts/${id}`)).json()) as Json;
    expect(stale).toMatchObject({ status: 'active', cooldown_until: null, in_rotation: true });
    expect(stale.status_reason).toContain('cooldown ended at');
    expect(stale.status_reason).toContain(`(was: ${reason})`);

    await harness.context.accounts.updateState(id, { status: 'cooling', statusReason: reason, cooldownUntil: Date.now() + 60_000 });
    const cooling = (await (await harness.request('GET', `/admin/accounts/${id}`)).json()) as Json;
    expect(cooling).toMatchObject({ status: 'cooling', status_reason: reason, in_rotation: false });

    await harness.context.accounts.updateState(id, { status: 'active', statusReason: 'request succeeded', cooldownUntil: null });
    await harness.context.accounts.saveBalance(id, { remaining: 0.25, unit: 'USD', source: 'ledger', checkedAt: Date.now() });
    const low = (await (await harness.request('GET', `/admin/accounts/${id}`)).json()) as Json;
    expect(low).toMatchObject({ status: 'active', in_rotation: false });
    expect(low.status_reason).toContain('balance 0.25 USD is below the threshold of 1 USD');
  });
});
