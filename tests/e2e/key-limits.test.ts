import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServerLimits } from '../../src/config/config.js';
import { createNodeServer } from '../../src/server/node/create-node-server.js';
import { createAnthropicFakeHandler } from '../fakes/anthropic-fake.js';
import { anthropicText, type AnthropicFakeScenario } from '../fakes/anthropic-fake-scenario.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { postgresUrl, redisUrl, warnSkipped } from '../support/test-environment.js';

/**
 * Per-key budgets and max_concurrency through the whole app. Each request to the fake costs 18 tokens
 * (8 in, 10 out), and its estimate at admission is the same (8 counted input tokens + max_tokens 10):
 * a daily budget of 180 tokens covers exactly ten requests.
 */
const tokensPerRequest = { input_tokens: 8, output_tokens: 10 };
const budgetForTen = 180;
const slowReply = (delayMs: number): AnthropicFakeScenario => ({ kind: 'reply', content: [{ type: 'text', text: 'ok' }], usage: tokensPerRequest, delayMs });

async function startUpstream(handler: ReturnType<typeof createAnthropicFakeHandler>, track?: { inFlight: number; peak: number }): Promise<Server> {
  const server = createServer((request, response) => {
    if (track) {
      track.inFlight += 1;
      track.peak = Math.max(track.peak, track.inFlight);
      response.on('close', () => (track.inFlight -= 1));
    }
    void handler.handle(request, response, request.url ?? '/');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function addAccount(instance: TestApp, upstream: Server): Promise<void> {
  const created = await instance.request('POST', '/admin/accounts', {
    name: 'budgeted',
    provider: 'anthropic',
    api_key: 'sk-ant-budgeted',
    base_url: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    models: ['claude-budget'],
  });
  expect(created.status).toBe(201);
}

async function createKey(instance: TestApp, body: Record<string, unknown>): Promise<string> {
  const created = await instance.request('POST', '/admin/api-keys', { name: 'limited', ...body });
  expect(created.status).toBe(201);
  return ((await created.json()) as { key: string }).key;
}

const ask = (instance: TestApp, key: string) =>
  instance.app.request('/v1/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key, 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({ model: 'claude-budget', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] }),
  });

describe('key budgets and concurrency in one instance', () => {
  let instance: TestApp;
  let upstream: Server;
  const handler = createAnthropicFakeHandler();
  const track = { inFlight: 0, peak: 0 };

  beforeAll(async () => {
    upstream = await startUpstream(handler, track);
    instance = await createTestApp();
    await addAccount(instance, upstream);
  });
  afterAll(async () => {
    await instance?.close();
    await new Promise<void>((resolve) => upstream?.close(() => resolve()));
  });

  it('lets about ten of 100 concurrent requests through a budget that covers ten', async () => {
    const key = await createKey(instance, { budgets: { daily_tokens: budgetForTen } });
    for (let index = 0; index < 10; index += 1) handler.enqueue(slowReply(50));
    const responses = await Promise.all(Array.from({ length: 100 }, () => ask(instance, key)));
    const statuses = responses.map((response) => response.status);
    const refused = responses.filter((response) => response.status === 429);
    const bodies = await Promise.all(refused.map((response) => response.json() as Promise<{ type: string; error: { type: string; message: string } }>));
    await Promise.all(responses.filter((response) => response.status !== 429).map((response) => response.text()));
    expect(statuses.filter((status) => status === 200).length).toBe(10);
    expect(refused).toHaveLength(90);
    expect(bodies[0]).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect(bodies[0]!.error.message).toMatch(/daily token budget/);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('caps a key at max_concurrency, queues first come first served, and refuses with retry-after after the queue timeout', async () => {
    const key = await createKey(instance, { max_concurrency: 2, queue_timeout_ms: 0 });
    track.peak = 0;
    for (let index = 0; index < 2; index += 1) handler.enqueue(slowReply(200));
    const responses = await Promise.all(Array.from({ length: 6 }, () => ask(instance, key)));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 429, 429, 429, 429]);
    const refused = responses.find((response) => response.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error', message: expect.stringContaining('max_concurrency') } });
    await Promise.all(responses.map((response) => response.text().catch(() => '')));

    const patched = await instance.request('PATCH', `/admin/api-keys/${(await instance.context.apiKeys.authenticate(key)).id}`, { queue_timeout_ms: 5000 });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ max_concurrency: 2, queue_timeout_ms: 5000 });
    track.peak = 0;
    for (let index = 0; index < 6; index += 1) handler.enqueue(slowReply(100));
    const queued = await Promise.all(Array.from({ length: 6 }, () => ask(instance, key)));
    expect(queued.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    await Promise.all(queued.map((response) => response.text()));
    expect(track.peak).toBe(2);
  });

  it('logs a client that leaves while its request waits in the key queue as client_closed (499), when it leaves', async () => {
    // Over a real socket, so the client's leaving is what the server sees of it.
    const sluice = createNodeServer(instance.app.fetch, defaultServerLimits);
    const url = `http://127.0.0.1:${(await sluice.listen(0, '127.0.0.1')).port}/v1/messages`;
    try {
      const key = await createKey(instance, { max_concurrency: 1, queue_timeout_ms: 5000 });
      const keyId = (await instance.context.apiKeys.authenticate(key)).id;
      handler.enqueue(slowReply(1500));
      const send = (signal?: AbortSignal) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key, 'anthropic-version': '2023-06-01' },
          body: JSON.stringify({ model: 'claude-budget', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] }),
          signal,
        });
      const first = send();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(send(AbortSignal.timeout(300))).rejects.toThrow();
      expect((await first).status).toBe(200);

      await instance.context.usage.flush();
      const listed = await instance.request('GET', `/admin/requests?api_key_id=${keyId}&limit=10`);
      const rows = ((await listed.json()) as { data: Array<{ status: string; http_status: number; error_type: string | null; latency_ms: number }> }).data;
      expect(rows).toHaveLength(2);
      const gone = rows.find((row) => row.status === 'error');
      expect(gone).toMatchObject({ http_status: 499, error_type: 'client_closed' });
      // It stopped waiting when the client left (about 300 ms in), not when the slot freed or the queue timed out.
      expect(gone!.latency_ms).toBeLessThan(1000);
    } finally {
      sluice.connections.destroyAll();
      await new Promise((resolve) => sluice.server.close(resolve));
    }
  });

  it('answers a request that ended because its client left with a bare 499, not an internal error', async () => {
    instance.app.post('/v1/test-client-left', () => {
      throw new DOMException('The client closed the connection.', 'AbortError');
    });
    const response = await instance.request('POST', '/v1/test-client-left', {});
    expect(response.status).toBe(499);
    expect(await response.text()).toBe('');
  });
});

const shared = Boolean(postgresUrl && redisUrl);
if (!shared) {
  warnSkipped('the two-instance key limits test', 'DATABASE_URL');
  warnSkipped('the two-instance key limits test', 'REDIS_URL');
}

describe.skipIf(!shared)('key budgets and concurrency across two instances sharing PostgreSQL and Redis', () => {
  let first: TestApp;
  let second: TestApp;
  let upstream: Server;
  const handler = createAnthropicFakeHandler();
  const track = { inFlight: 0, peak: 0 };

  beforeAll(async () => {
    upstream = await startUpstream(handler, track);
    first = await createTestApp({ database: 'postgres', redis: true });
    second = await createTestApp({ shareDatabaseWith: first.context, shareRedisWith: first.context, redis: true, config: { adminKey: first.adminKey } });
    await addAccount(first, upstream);
    for (let attempt = 0; attempt < 50 && second.context.accounts.list().length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(second.context.accounts.list()).toHaveLength(1);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await new Promise<void>((resolve) => upstream?.close(() => resolve()));
  });

  it('holds a budget for sequential requests alternating between the instances', async () => {
    const key = await createKey(first, { budgets: { daily_tokens: budgetForTen } });
    for (let index = 0; index < 10; index += 1) handler.enqueue(anthropicText('ok', tokensPerRequest));
    const statuses: number[] = [];
    for (let index = 0; index < 20; index += 1) {
      const response = await ask(index % 2 ? second : first, key);
      statuses.push(response.status);
      await response.text();
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
  });

  it('lets about ten of 100 concurrent requests spread over both instances through', async () => {
    const key = await createKey(first, { budgets: { daily_tokens: budgetForTen } });
    for (let index = 0; index < 10; index += 1) handler.enqueue(slowReply(50));
    const responses = await Promise.all(Array.from({ length: 100 }, (_, index) => ask(index % 2 ? second : first, key)));
    await Promise.all(responses.map((response) => response.text()));
    expect(responses.filter((response) => response.status === 200)).toHaveLength(10);
  });

  it('holds max_concurrency across the instances', async () => {
    const key = await createKey(first, { max_concurrency: 2, queue_timeout_ms: 5000 });
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if ((await second.context.apiKeys.authenticate(key).catch(() => null)) !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    track.peak = 0;
    for (let index = 0; index < 8; index += 1) handler.enqueue(slowReply(100));
    const responses = await Promise.all(Array.from({ length: 8 }, (_, index) => ask(index % 2 ? second : first, key)));
    await Promise.all(responses.map((response) => response.text()));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    expect(track.peak).toBe(2);
  });
});
