import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServerLimits } from '../../src/config/config.js';
import { createNodeServer, type NodeServer } from '../../src/server/node/create-node-server.js';
import { createAnthropicFakeHandler } from '../fakes/anthropic-fake.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';

interface LogRow {
  status: string;
  http_status: number;
  error_type: string | null;
  latency_ms: number;
}

/**
 * A client that gives up while its request waits for one of its key's max_concurrency slots: over a
 * real socket, so the client's leaving is what the server sees of it.
 */
describe('a client that leaves while its request waits in the key queue', () => {
  let instance: TestApp;
  let upstream: Server;
  let sluice: NodeServer;
  let url: string;
  const handler = createAnthropicFakeHandler();

  beforeAll(async () => {
    upstream = createServer((request, response) => void handler.handle(request, response, request.url ?? '/'));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    instance = await createTestApp();
    const created = await instance.request('POST', '/admin/accounts', {
      name: 'slow',
      provider: 'anthropic',
      api_key: 'sk-ant-slow',
      base_url: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      models: ['claude-queue'],
    });
    expect(created.status).toBe(201);
    sluice = createNodeServer(instance.app.fetch, defaultServerLimits);
    url = `http://127.0.0.1:${(await sluice.listen(0, '127.0.0.1')).port}`;
  });
  afterAll(async () => {
    // Each wait resolves even when set-up failed before making what it closes.
    sluice?.connections.destroyAll();
    await new Promise((resolve) => (sluice ? sluice.server.close(resolve) : resolve(undefined)));
    await instance?.close();
    await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
  });

  it('is logged as the client closing (499), at the moment it left, not as an internal error', async () => {
    const created = await instance.request('POST', '/admin/api-keys', { name: 'one at a time', max_concurrency: 1, queue_timeout_ms: 5000 });
    const { key, id } = (await created.json()) as { key: string; id: string };
    handler.enqueue({ kind: 'reply', content: [{ type: 'text', text: 'ok' }], usage: { input_tokens: 3, output_tokens: 1 }, delayMs: 1500 });
    const send = (signal?: AbortSignal) =>
      fetch(`${url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key, 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({ model: 'claude-queue', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] }),
        signal,
      });
    const first = send();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(send(AbortSignal.timeout(300))).rejects.toThrow();
    expect((await first).status).toBe(200);

    await instance.context.usage.flush();
    const listed = await instance.request('GET', `/admin/requests?api_key_id=${id}&limit=10`);
    const rows = ((await listed.json()) as { data: LogRow[] }).data;
    expect(rows).toHaveLength(2);
    const gone = rows.find((row) => row.status === 'error');
    expect(gone).toMatchObject({ http_status: 499, error_type: 'client_closed' });
    // It stopped waiting when the client left (about 300 ms in), not when the slot freed or the queue timed out.
    expect(gone!.latency_ms).toBeLessThan(1000);
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
