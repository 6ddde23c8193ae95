import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey } from '../../../tests/support/create-test-api-key.js';
import { createTestApp, type TestApp } from '../../../tests/support/create-test-app.js';
import { testDatabases, warnSkipped } from '../../../tests/support/test-environment.js';
import type { RequestLogEntry } from '../../usage/request-log-entry.js';

warnSkipped('the PostgreSQL usage statistics routes tests', 'DATABASE_URL');

const hour = 3_600_000;
const day = 24 * hour;

describe.each(testDatabases())('usage statistics routes on %s', (database) => {
  let harness: TestApp;
  let keyId: string;
  let accountId: string;
  const now = Date.now();

  const entry = (id: string, overrides: Partial<RequestLogEntry> = {}): RequestLogEntry => ({
    id,
    createdAt: now - 1000,
    apiKeyId: keyId,
    accountId,
    provider: 'anthropic',
    requestedModel: 'claude-sonnet-4.5',
    upstreamModel: 'claude-sonnet-4-5-20250929',
    stream: true,
    clientFormat: 'anthropic',
    usage: { inputTokens: 1000, outputTokens: 500, cacheReadTokens: 2000, cacheWriteTokens: 100 },
    latencyMs: 800,
    ttftMs: 120,
    status: 'success',
    httpStatus: 200,
    errorType: null,
    errorMessage: null,
    clientIp: '127.0.0.1',
    userAgent: 'claude-cli/2.0',
    ...overrides,
  });

  beforeAll(async () => {
    harness = await createTestApp({ database });
    keyId = (await createTestApiKey(harness.context, { name: 'alice' })).id;
    const created = await harness.request('POST', '/admin/accounts', { name: 'anthropic main', provider: 'anthropic', api_key: 'sk-ant-test-secret' });
    expect(created.status).toBe(201);
    accountId = ((await created.json()) as { id: string }).id;

    const usage = harness.context.usage;
    usage.record(entry('request-a'));
    usage.record(entry('request-b', { createdAt: now - 500, latencyMs: 1200 }));
    usage.record(entry('request-c', { createdAt: now - 400, accountId: null, provider: null, status: 'error', httpStatus: 503, errorType: 'no_account_available', errorMessage: 'No account can serve claude-sonnet-4.5.', usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }, latencyMs: 5, ttftMs: null }));
    usage.record(entry('request-old', { createdAt: now - 3 * day, accountId: 'account-since-deleted', requestedModel: 'gpt-4o', upstreamModel: 'gpt-4o', provider: 'openai', usage: { inputTokens: 1000, outputTokens: 1000, cacheReadTokens: 1000, cacheWriteTokens: 0 } }));
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('GET /admin/stats/overview sums today, 7 and 30 days with exact costs', async () => {
    const response = await harness.request('GET', '/admin/stats/overview');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, Record<string, number>>;
    // 1000 × $3 + 500 × $15 + 2000 × $0.30 + 100 × $3.75 per million = $0.011475 per request.
    expect(body.today).toEqual({ requests: 3, successes: 2, errors: 1, error_rate: 0.3333, input_tokens: 2000, output_tokens: 1000, cache_read_tokens: 4000, cache_write_tokens: 200, total_tokens: 7200, cost: 0.02295, credits: 0 });
    // gpt-4o: 1000 × $2.50 + 1000 × $10 + 1000 × $1.25 per million = $0.01375.
    expect(body.last_7_days).toMatchObject({ requests: 4, cost: 0.0367 });
    expect(body.last_30_days).toMatchObject({ requests: 4 });
    expect(body.accounts).toEqual({ total: 1, active: 1, cooling: 0, quota_exhausted: 0, disabled: 0 });
  });

  it('GET /admin/stats/timeline groups by model with latency figures', async () => {
    const response = await harness.request('GET', `/admin/stats/timeline?granularity=day&group_by=model&from=${new Date(now - 5 * day).toISOString()}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { granularity: string; group_by: string; data: Array<Record<string, unknown>> };
    expect(body.granularity).toBe('day');
    const claude = body.data.filter((point) => point.group === 'claude-sonnet-4.5');
    expect(claude).toHaveLength(1);
    expect(claude[0]).toMatchObject({ requests: 3, errors: 1, latency_max_ms: 1200, latency_p95_ms: 1200, latency_avg_ms: 668 });
    expect(body.data.find((point) => point.group === 'gpt-4o')).toMatchObject({ requests: 1, cost: 0.01375 });

    const filledResponse = await harness.request('GET', '/admin/stats/timeline');
    const filled = (await filledResponse.json()) as { data: unknown[] };
    expect(filled, JSON.stringify(filled)).toHaveProperty('data');
    expect(filled.data.length).toBeGreaterThanOrEqual(24);
    const invalid = await harness.request('GET', '/admin/stats/timeline?granularity=week');
    expect(invalid.status).toBe(400);
    const badTime = await harness.request('GET', '/admin/stats/timeline?from=yesterday');
    expect(badTime.status).toBe(400);
  });

  it('GET /admin/stats/keys|models|accounts rank by requests with names', async () => {
    const keys = (await (await harness.request('GET', '/admin/stats/keys')).json()) as { data: Array<Record<string, unknown>> };
    expect(keys.data).toEqual([expect.objectContaining({ key_id: keyId, key_name: 'alice', key_revoked: false, requests: 4, successes: 3, errors: 1 })]);
    const models = (await (await harness.request('GET', '/admin/stats/models')).json()) as { data: Array<Record<string, unknown>> };
    expect(models.data.map((row) => [row.model, row.requests])).toEqual([
      ['claude-sonnet-4.5', 3],
      ['gpt-4o', 1],
    ]);
    const accounts = (await (await harness.request('GET', '/admin/stats/accounts')).json()) as { data: Array<Record<string, unknown>> };
    expect(accounts.data[0], JSON.stringify(accounts.data)).toMatchObject({ account_id: accountId, account_name: 'anthropic main', provider: 'anthropic', requests: 2, cost: 0.02295 });
    expect(accounts.data.find((row) => row.account_id === null)).toMatchObject({ requests: 1, errors: 1 });
    expect(accounts.data.find((row) => row.account_id === 'account-since-deleted')).toMatchObject({ account_name: null, provider: 'openai', requests: 1 });
  });

  it('GET /admin/requests pages newest first and filters', async () => {
    const first = (await (await harness.request('GET', '/admin/requests?limit=2')).json()) as { data: Array<Record<string, unknown>>; next_cursor: string | null };
    expect(first.data.map((row) => row.id)).toEqual(['request-c', 'request-b']);
    expect(first.next_cursor).not.toBeNull();
    const second = (await (await harness.request('GET', `/admin/requests?limit=2&cursor=${first.next_cursor}`)).json()) as { data: Array<Record<string, unknown>>; next_cursor: string | null };
    expect(second.data.map((row) => row.id)).toEqual(['request-a', 'request-old']);
    expect(second.next_cursor).toBeNull();

    const errors = (await (await harness.request('GET', '/admin/requests?status=error')).json()) as { data: Array<Record<string, unknown>> };
    expect(errors.data).toEqual([expect.objectContaining({ id: 'request-c', error_type: 'no_account_available', http_status: 503, account_id: null, account_name: null })]);
    const byAccount = (await (await harness.request('GET', `/admin/requests?account_id=${accountId}&model=claude-sonnet-4.5`)).json()) as { data: unknown[] };
    expect(byAccount.data).toHaveLength(2);

    const one = await harness.request('GET', '/admin/requests/request-a');
    expect(await one.json()).toEqual({
      id: 'request-a', created_at: new Date(now - 1000).toISOString(), api_key_id: keyId, api_key_name: 'alice', key_revoked: false, account_id: accountId, account_name: 'anthropic main',
      provider: 'anthropic', requested_model: 'claude-sonnet-4.5', upstream_model: 'claude-sonnet-4-5-20250929', stream: true, client_format: 'anthropic',
      input_tokens: 1000, output_tokens: 500, cache_read_tokens: 2000, cache_write_tokens: 100, cache_write_5m_tokens: null, cache_write_1h_tokens: null, credits: null, cost: 0.011475, latency_ms: 800, ttft_ms: 120,
      status: 'success', http_status: 200, error_type: null, error_message: null, client_ip: '127.0.0.1', user_agent: 'claude-cli/2.0', attempts: [],
    });
    expect((await harness.request('GET', '/admin/requests/missing')).status).toBe(404);
    expect((await harness.request('GET', '/admin/requests?cursor=garbage')).status).toBe(400);
    expect((await harness.request('GET', '/admin/requests?limit=500')).status).toBe(400);
  });

  it('requires an admin key for stats but serves /metrics without one', async () => {
    const anonymous = await harness.app.request('/admin/stats/overview');
    expect(anonymous.status).toBe(401);
    const metrics = await harness.app.request('/metrics');
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('sluice_requests_total{provider="anthropic",model="claude-sonnet-4.5",status="success"}');
    expect(text).toContain(`sluice_account_state{account="${accountId}",provider="anthropic",status="active"} 1`);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const document = (await (await harness.app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of ['/admin/stats/overview', '/admin/stats/timeline', '/admin/stats/keys', '/admin/stats/models', '/admin/stats/accounts', '/admin/requests', '/admin/requests/{id}']) {
      expect(document.paths, path).toHaveProperty([path]);
    }
  });

  it('keeps key totals and enforces budgets from memory', async () => {
    const key = await harness.context.database.db.selectFrom('api_keys').select(['total_requests', 'total_tokens', 'total_cost']).where('id', '=', keyId).executeTakeFirstOrThrow();
    expect(key).toMatchObject({ total_requests: 4, total_tokens: 2 * 3600 + 3000 });
    // The tracker counts spend when a request is recorded (requests are recorded as they finish).
    expect(() => harness.context.usage.checkBudget(keyId, { daily_tokens: 10_200 })).toThrow(/daily token budget/);
    expect(() => harness.context.usage.checkBudget(keyId, { daily_tokens: 10_201, total_cost: 1 })).not.toThrow();
    expect(() => harness.context.usage.checkBudget(keyId, { monthly_cost: 0.0367 })).toThrow(/monthly cost budget/);
  });

  it('retention deletes old raw rows but the statistics keep them', async () => {
    await harness.context.settings.update({ log_retention_days: 1 });
    expect(await harness.context.usage.applyRetention()).toBe(1);
    expect((await harness.request('GET', '/admin/requests/request-old')).status).toBe(404);
    const overview = (await (await harness.request('GET', '/admin/stats/overview')).json()) as Record<string, Record<string, number>>;
    expect(overview.last_7_days).toMatchObject({ requests: 4, cost: 0.0367 });
  });
});
