import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestHeader, requestHeaders } from './request-headers.js';

/** What a route sees through the helpers: on the Node server, and without a socket. */
function echoApp() {
  const app = new Hono();
  app.post('/echo', (c) => c.json({ one: requestHeader(c, 'x-api-key') ?? null, missing: requestHeader(c, 'x-absent') ?? null, all: requestHeaders(c) }));
  return app;
}

describe('request headers', () => {
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    const server = createAdaptorServer({ fetch: echoApp().fetch, createServer });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("reads Node's own parse on the server: lower-case names, repeated values joined", async () => {
    const response = await fetch(`${base}/echo`, { method: 'POST', headers: [['X-Api-Key', 'k1'], ['X-Custom', 'a'], ['x-custom', 'b']], body: '{}' });
    const seen = (await response.json()) as { one: string; missing: null; all: Record<string, string> };
    expect(seen.one).toBe('k1');
    expect(seen.missing).toBeNull();
    expect(seen.all).toMatchObject({ 'x-api-key': 'k1', 'x-custom': 'a, b', 'content-length': '2' });
  });

  it('reads the web request without a socket', async () => {
    const response = await echoApp().request('/echo', { method: 'POST', headers: { 'X-Api-Key': 'k2', 'X-Custom': 'c' }, body: '{}' });
    const seen = (await response.json()) as { one: string; all: Record<string, string> };
    expect(seen.one).toBe('k2');
    expect(seen.all).toMatchObject({ 'x-api-key': 'k2', 'x-custom': 'c' });
  });
});
