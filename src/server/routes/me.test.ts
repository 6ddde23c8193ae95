import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/create-test-app.js';
import { testDatabases } from '../../../tests/support/test-environment.js';
import type { RequestLogEntry } from '../../usage/request-log-entry.js';
import type { MeDto } from './me-schema.js';

describe.each(testDatabases())('GET /v1/me on %s', (database) => {
  let harness: TestApp;
  let mine: { id: string; key: string };
  let theirs: { id: string; key: string };

  const entry = (id: string, apiKeyId: string, overrides: Partial<RequestLogEntry> = {}): RequestLogEntry => ({
    id,
    createdAt: Date.now() - 1000,
    apiKeyId,
    accountId: null,
    provider: 'openai',
    requestedModel: 'gpt-4o',
    upstreamModel: 'gpt-4o',
    stream: false,
    clientFormat: 'openai',
    usage: { inputTokens: 100, outputTokens: 50, cacheReadTokens: 0, cacheWriteTokens: 0 },
    latencyMs: 300,
    ttftMs: null,
    status: 'success',
    httpStatus: 200,
    errorType: null,
    errorMessage: null,
    clientIp: '10.0.0.1',
    userAgent: 'sdk',
    ...overrides,
  });

  beforeAll(async () => {
    harness = await createTestApp({ database });
    const create = async (body: Record<string, unknown>) => (await (await harness.request('POST', '/admin/api-keys', body)).json()) as { id: string; key: string };
    mine = await create({ name: 'alice', requests_per_day: 10, requests_per_minute: 5, budgets: { daily_tokens: 1000, monthly_cost: 5 } });
    theirs = await create({ name: 'bob' });
    harness.context.usage.record(entry('mine-1', mine.id));
    harness.context.usage.record(entry('mine-2', mine.id, { status: 'error', httpStatus: 429, errorType: 'rate_limited', errorMessage: 'slow down' }));
    harness.context.usage.record(entry('theirs-1', theirs.id, { requestedModel: 'secret-model-of-bob' }));
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("answers any valid key with its own limits, what is left, usage and recent requests, and nothing of anyone else's", async () => {
    const response = await harness.app.request('/v1/me', { headers: { authorization: `Bearer ${mine.key}` } });
    expect(response.status).toBe(200);
    const me = (await response.json()) as MeDto;
    expect(me.key).toMatchObject({ id: mine.id, name: 'alice', is_admin: false });
    expect(me.timezone).toBe('UTC');
    expect(me.limits.requests_per_minute).toBe(5);
    expect(me.limits.requests_per_day).toMatchObject({ limit: 10, used: 2, remaining: 8 });
    expect(me.budgets.daily_tokens).toMatchObject({ limit: 1000, used: 300, remaining: 700 });
    expect(me.budgets.total_cost).toMatchObject({ limit: null, remaining: null, resets_at: null });
    expect(me.recent_requests.map((request) => request.id).sort()).toEqual(['mine-1', 'mine-2']);
    expect(me.usage.reduce((sum, day) => sum + day.requests, 0)).toBe(2);
    const text = JSON.stringify(me);
    for (const foreign of [theirs.id, 'bob', 'secret-model-of-bob', '10.0.0.1']) expect(text).not.toContain(foreign);
  });

  it('needs a valid key and is listed in the OpenAPI document', async () => {
    expect((await harness.app.request('/v1/me')).status).toBe(401);
    expect((await harness.app.request('/v1/me', { headers: { authorization: 'Bearer amq-nope' } })).status).toBe(401);
    const document = (await (await harness.app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(document.paths['/v1/me']).toBeDefined();
  });
});
