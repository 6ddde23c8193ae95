import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultServerLimits, type ServerLimits } from '../../config/config.js';
import { createNodeServer, type NodeServer } from './create-node-server.js';

let running: NodeServer | undefined;
afterEach(async () => {
  running?.connections.destroyAll();
  await new Promise((resolve) => (running ? running.server.close(resolve) : resolve(undefined)));
  running = undefined;
});

async function start(limits: Partial<ServerLimits> = {}, handler: (request: Request) => Response | Promise<Response> = () => Response.json({ ok: true })) {
  running = createNodeServer(handler, { ...defaultServerLimits, ...limits });
  const address = await running.listen(0, '127.0.0.1');
  return address.port;
}

/** Writes `chunks` to a raw socket one by one, `everyMs` apart; resolves with what came back and when the socket closed. */
function dribble(port: number, chunks: string[], everyMs: number): Promise<{ text: string; closedAfterMs: number; sentAll: boolean }> {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let index = 0;
    const timer = setInterval(() => {
      if (index < chunks.length && !socket.destroyed) socket.write(chunks[index++]!);
    }, everyMs);
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ text, closedAfterMs: Date.now() - startedAt, sentAll: index >= chunks.length });
    });
  });
}

describe('the Node server', () => {
  it('answers headers over the limit with a 431 and a short JSON body', async () => {
    const port = await start();
    const result = await dribble(port, [`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`], 1);
    expect(result.text).toMatch(/^HTTP\/1.1 431 Request Header Fields Too Large\r\n/);
    const body = result.text.slice(result.text.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body)).toEqual({ error: { message: 'The request headers are too large.', type: 'invalid_request_error', code: 'request_header_fields_too_large' } });
  });

  it('closes a connection whose headers dribble in past the headers timeout, with a 408', async () => {
    const port = await start({ headersTimeoutMs: 1000 });
    const chunks = ['GET /health HTTP/1.1\r\n', ...Array.from({ length: 60 }, (_, index) => `X-Slow-${index}: a\r\n`)];
    const result = await dribble(port, chunks, 100);
    expect(result.sentAll).toBe(false);
    expect(result.closedAfterMs).toBeLessThan(4000);
    expect(result.text).toMatch(/^HTTP\/1.1 408/);
  });

  it('closes a connection whose body dribbles in past the request timeout', async () => {
    const port = await start({ headersTimeoutMs: 1000, requestTimeoutMs: 1500 }, async (request) => Response.json({ size: (await request.text()).length }));
    const chunks = ['POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n', ...Array.from({ length: 100 }, () => 'a')];
    const result = await dribble(port, chunks, 100);
    expect(result.sentAll).toBe(false);
    expect(result.closedAfterMs).toBeLessThan(5000);
  });

  it('refuses to start on a port in use with the listen error, not a crash', async () => {
    const port = await start();
    const second = createNodeServer(() => new Response('x'), defaultServerLimits);
    await expect(second.listen(port, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('drains without resetting keep-alive clients that send right after the signal', async () => {
    const port = await start({}, async (request) => {
      const delay = Number(new URL(request.url).searchParams.get('delay') ?? 0);
      await new Promise((resolve) => setTimeout(resolve, delay));
      return Response.json({ ok: true });
    });
    const clients = Array.from({ length: 40 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    const get = (agent: http.Agent, path: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const request = http.get({ host: '127.0.0.1', port, path, agent }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
        });
        request.on('error', reject);
      });
    // Every client holds an open keep-alive connection; some also have a request in flight.
    await Promise.all(clients.map((agent) => get(agent, '/warm')));
    const inFlight = clients.slice(0, 10).map((agent) => get(agent, '/slow?delay=300'));
    const drained = running!.connections.drain({ idleGraceMs: 500 });
    const afterSignal = clients.slice(10).map((agent, index) =>
      new Promise((resolve) => setTimeout(resolve, index % 5)).then(() => get(agent, '/after-signal')),
    );
    const results = await Promise.allSettled([...inFlight, ...afterSignal]);
    const failures = results.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    for (const result of results) expect((result as PromiseFulfilledResult<{ connection: string }>).value).toMatchObject({ status: 200, connection: 'close' });
    await drained;
    expect(running!.connections.openConnections).toBe(0);
    // New connections are refused once draining began.
    await expect(new Promise((resolve, reject) => net.connect(port, '127.0.0.1').on('connect', resolve).on('error', reject))).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    for (const agent of clients) agent.destroy();
  });
});
