import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowDirectBodyRead, readRequestBytes, releaseRequestBytes } from './read-request-bytes.js';

describe('readRequestBytes', () => {
  let server: Server;
  let base: string;
  const failures: string[] = [];

  beforeAll(async () => {
    const app = new Hono();
    // As limitBody does for a declared length.
    app.use('*', async (c, next) => {
      if (c.req.header('content-length') !== undefined) allowDirectBodyRead(c);
      await next();
    });
    app.post('/echo', async (c) => {
      const first = await readRequestBytes(c);
      const again = await readRequestBytes(c);
      // Hono's own readers still see the body after the direct read.
      const text = await c.req.text();
      // Read from the socket and left for Hono, or read by Hono.
      const direct = (c.env as { incoming: { rawBody?: unknown } }).incoming.rawBody === first;
      return c.json({ bytes: first.length, same: first === again, text: text === first.toString('utf8'), sha: await digest(first), direct });
    });
    // As assumeJsonBody does: a new Request over the original, whose body is then a web stream on the socket.
    app.post('/rewrapped', async (c) => {
      c.req.raw = new Request(c.req.raw, { headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
      const bytes = await readRequestBytes(c);
      return c.json({ bytes: bytes.length, json: await c.req.json() });
    });
    app.post('/release', async (c) => {
      const bytes = await readRequestBytes(c);
      releaseRequestBytes(c);
      const kept = (c.env as { incoming: { rawBody?: unknown } }).incoming.rawBody !== undefined;
      const again = await readRequestBytes(c).then(() => 'read again', (error: Error) => error.message);
      return c.json({ bytes: bytes.length, kept, again });
    });
    app.post('/fail', async (c) => {
      try {
        await readRequestBytes(c);
        failures.push('read');
      } catch (error) {
        failures.push((error as Error).message);
      }
      return c.body(null, 204);
    });
    server = createAdaptorServer({ fetch: app.fetch }) as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const digest = async (bytes: Uint8Array) => Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');

  it('lets the bytes go when asked, and refuses a later read at once instead of waiting on the socket', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(100_000) });
    const response = await fetch(`${base}/release`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(await response.json()).toEqual({ bytes: body.length, kept: false, again: 'The request body was read again after it was let go.' });
  });

  it('reads a body of many chunks once, the same bytes for every reader', async () => {
    const body = Buffer.from(JSON.stringify({ text: '中文 😀 '.repeat(40_000) }));
    const response = await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(await response.json()).toEqual({ bytes: body.length, same: true, text: true, sha: await digest(body), direct: true });
  });

  it('reads a streamed body (no declared length) through Hono', async () => {
    const parts = [Buffer.from('{"a":'), Buffer.from('"b"}')];
    const stream = new ReadableStream({
      start(controller) {
        for (const part of parts) controller.enqueue(part);
        controller.close();
      },
    });
    const response = await fetch(`${base}/echo`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    const sent = Buffer.concat(parts);
    expect(await response.json()).toEqual({ bytes: sent.length, same: true, text: true, sha: await digest(sent), direct: false });
  });

  it('reads through Hono when the request was rewrapped before', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(100_000) });
    const response = await fetch(`${base}/rewrapped`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect(await response.json()).toEqual({ bytes: body.length, json: JSON.parse(body) });
  });

  it('rejects, rather than waits, when the client leaves before the body is complete', async () => {
    const socket = net.connect(Number(new URL(base).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /fail HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"partial":');
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await expect.poll(() => failures.length, { timeout: 5000 }).toBe(1);
    expect(failures[0]).not.toBe('read');
  });
});
