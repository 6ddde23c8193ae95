import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicFakeHandler } from '../fakes/anthropic-fake.js';
import { anthropicError, anthropicText } from '../fakes/anthropic-fake-scenario.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';

interface LoggedRequest {
  api_key_id: string;
  api_key_name: string | null;
  key_revoked: boolean;
  account_id: string | null;
  account_name: string | null;
  requested_model: string;
  http_status: number;
  error_type: string | null;
  attempts: Array<{ account_id: string; outcome: string; error_type?: string; http_status?: number }>;
}

/** Every client API request that had a valid key ends in exactly one request log row, refusals included. */
describe('the request log', () => {
  let harness: TestApp;
  let upstream: Server;
  const handler = createAnthropicFakeHandler();
  const accountIds: Record<string, string> = {};

  beforeAll(async () => {
    upstream = createServer((request, response) => void handler.handle(request, response, request.url ?? '/'));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    harness = await createTestApp();
    for (const [name, priority] of [['first', 10], ['second', 0]] as const) {
      const created = await harness.request('POST', '/admin/accounts', {
        name,
        provider: 'anthropic',
        api_key: `sk-ant-${name}`,
        base_url: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
        models: ['claude-logged'],
        priority,
      });
      expect(created.status).toBe(201);
      accountIds[name] = ((await created.json()) as { id: string }).id;
    }
  });
  afterAll(async () => {
    await harness?.close();
    await new Promise<void>((resolve) => upstream?.close(() => resolve()));
  });

  const createKey = async (body: Record<string, unknown>) => {
    const created = await harness.request('POST', '/admin/api-keys', body);
    expect(created.status).toBe(201);
    return (await created.json()) as { id: string; key: string };
  };
  const ask = (key: string, body: unknown) =>
    harness.app.request('/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key, 'anthropic-version': '2023-06-01' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const rowsOf = async (keyId: string): Promise<LoggedRequest[]> => {
    await harness.context.usage.flush();
    const response = await harness.request('GET', `/admin/requests?api_key_id=${keyId}&limit=200`);
    return ((await response.json()) as { data: LoggedRequest[] }).data;
  };
  const valid = { model: 'claude-logged', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] };

  it('logs refusals for body validation, RPM, budget and concurrency', async () => {
    const key = await createKey({ name: 'refused', requests_per_minute: 4, budgets: { daily_tokens: 18 } });
    handler.enqueue(anthropicText('ok', { input_tokens: 8, output_tokens: 10 }));
    // RPM windows are whole clock minutes: the five requests must fall into one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
    const statuses: number[] = [];
    for (const body of ['{"model":', { model: 'claude-logged', messages: 'nope' }, valid, valid, valid]) {
      const response = await ask(key.key, body);
      statuses.push(response.status);
      await response.text();
    }
    // RPM counts the refused bodies too (it runs first): 400, 400, 200, then the budget, then RPM.
    expect(statuses).toEqual([400, 400, 200, 429, 429]);
    const rows = await rowsOf(key.id);
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => `${row.http_status} ${row.error_type ?? 'ok'}`).sort()).toEqual([
      '200 ok',
      '400 invalid_request',
      '400 invalid_request',
      '429 budget_exceeded',
      '429 rate_limited',
    ]);
    expect(rows.find((row) => row.error_type === 'rate_limited')?.requested_model).toBe('claude-logged');
  });

  it('files an upstream failure under the failing account and records every attempt', async () => {
    const key = await createKey({ name: 'failover' });
    handler.enqueue(anthropicError(500, 'api_error', 'boom'), anthropicText('ok'));
    const recovered = await ask(key.key, valid);
    expect(recovered.status).toBe(200);
    await recovered.text();
    handler.enqueue(anthropicError(401, 'authentication_error', 'bad key'));
    const failed = await ask(key.key, valid);
    expect(failed.status).toBeGreaterThanOrEqual(400);
    await failed.text();
    const rows = await rowsOf(key.id);
    const success = rows.find((row) => row.http_status === 200)!;
    expect(success.attempts.map((attempt) => attempt.outcome)).toEqual(['error', 'success']);
    expect(success.attempts[0]).toMatchObject({ account_id: accountIds.first, error_type: 'upstream_unavailable', http_status: 500 });
    expect(success.account_id).toBe(accountIds.second);
    const failure = rows.find((row) => row.http_status !== 200)!;
    expect(failure.account_id).not.toBeNull();
    expect(failure.account_name).not.toBeNull();
    await harness.context.usage.rollup();
    const stats = (await (await harness.request('GET', '/admin/stats/accounts')).json()) as { data: Array<{ account_id: string | null; errors: number }> };
    expect(stats.data.find((row) => row.account_id === failure.account_id)?.errors).toBeGreaterThanOrEqual(1);
    // Only requests refused before any account was tried (the four of the test above) have none.
    expect(stats.data.find((row) => row.account_id === null)?.errors).toBe(4);
  });

  it('keeps a deleted key’s name in the log and the stats, marked revoked', async () => {
    const key = await createKey({ name: 'short-lived' });
    handler.enqueue(anthropicText('ok'));
    await (await ask(key.key, valid)).text();
    expect((await harness.request('DELETE', `/admin/api-keys/${key.id}`)).status).toBe(204);
    expect((await ask(key.key, valid)).status).toBe(401);
    const rows = await rowsOf(key.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ api_key_name: 'short-lived', key_revoked: true });
    await harness.context.usage.rollup();
    const stats = (await (await harness.request('GET', '/admin/stats/keys')).json()) as { data: Array<{ key_id: string; key_name: string; key_revoked: boolean }> };
    expect(stats.data.find((row) => row.key_id === key.id)).toMatchObject({ key_name: 'short-lived', key_revoked: true });
    const listed = (await (await harness.request('GET', '/admin/api-keys')).json()) as { data: Array<{ id: string }> };
    expect(listed.data.some((row) => row.id === key.id)).toBe(false);
  });
});
