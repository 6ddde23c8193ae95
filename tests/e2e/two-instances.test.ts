import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicFakeHandler } from '../fakes/anthropic-fake.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { postgresUrl, redisUrl, warnSkipped } from '../support/test-environment.js';

const shared = Boolean(postgresUrl && redisUrl);
if (!shared) {
  warnSkipped('the two-instance limits test', 'DATABASE_URL');
  warnSkipped('the two-instance limits test', 'REDIS_URL');
}

/**
 * Two Sluice instances on one PostgreSQL and one Redis, under concurrent load, behind which one
 * account with max_concurrency 2 and requests_per_minute 6: together they never exceed either.
 */
describe.skipIf(!shared)('two instances sharing PostgreSQL and Redis', () => {
  let first: TestApp;
  let second: TestApp;
  let upstream: Server;
  const handler = createAnthropicFakeHandler();
  let inFlight = 0;
  let peakInFlight = 0;

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      inFlight += 1;
      peakInFlight = Math.max(peakInFlight, inFlight);
      response.on('close', () => (inFlight -= 1));
      void handler.handle(request, response, request.url ?? '/');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    first = await createTestApp({ database: 'postgres', redis: true });
    second = await createTestApp({ shareDatabaseWith: first.context, shareRedisWith: first.context, redis: true, config: { adminKey: first.adminKey } });
    const created = await first.request('POST', '/admin/accounts', {
      name: 'limited',
      provider: 'anthropic',
      api_key: 'sk-ant-limited',
      base_url: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      models: ['claude-limited'],
      requests_per_minute: 6,
      max_concurrency: 2,
    });
    expect(created.status).toBe(201);
    // The second instance learns of the account through Redis.
    for (let attempt = 0; attempt < 50 && second.context.accounts.list().length === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(second.context.accounts.list()).toHaveLength(1);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await new Promise<void>((resolve) => upstream?.close(() => resolve()));
  });

  const ask = (instance: TestApp) =>
    instance.app.request('/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': first.adminKey },
      body: JSON.stringify({ model: 'claude-limited', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] }),
    });

  it('holds the account’s concurrency and RPM across both instances', async () => {
    for (let index = 0; index < 20; index += 1) handler.enqueue({ kind: 'reply', content: [{ type: 'text', text: 'ok' }], delayMs: 150 });
    const statuses: number[] = [];
    for (let wave = 0; wave < 5; wave += 1) {
      const responses = await Promise.all(Array.from({ length: 8 }, (_, index) => ask(index % 2 ? second : first)));
      for (const response of responses) {
        statuses.push(response.status);
        if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        await response.text();
      }
    }
    const served = statuses.filter((status) => status === 200).length;
    expect(peakInFlight).toBeLessThanOrEqual(2);
    expect(served).toBe(6);
    expect(handler.requests).toHaveLength(6);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    // Both instances served some of the six.
    await Promise.all([first.context.usage.flush(), second.context.usage.flush()]);
    const logged = (await (await first.request('GET', '/admin/requests?status=success')).json()) as { data: unknown[] };
    expect(logged.data).toHaveLength(6);
  });
});
