import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackUpstreamCalls } from './track-upstream-calls.js';

describe('trackUpstreamCalls', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // /slow: headers after 2 s; /stall: headers and one chunk, then silence.
    server = createServer((incoming, response) => {
      incoming.resume();
      if (incoming.url === '/slow') return void setTimeout(() => response.end('late'), 2_000);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {}\n\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('applies the headers timeout to calls that set none', async () => {
    const agent = new Agent();
    const tracked = trackUpstreamCalls(agent, () => ({ headersTimeoutMs: 300, bodyTimeoutMs: 60_000 }));
    const error = await request(`${url}/slow`, { dispatcher: tracked.dispatcher }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(tracked.waitingLocally()).toBe(false);
    await agent.close();
  });

  it('applies the body timeout between chunks', async () => {
    const agent = new Agent();
    const tracked = trackUpstreamCalls(agent, () => ({ headersTimeoutMs: 5_000, bodyTimeoutMs: 300 }));
    const response = await request(`${url}/stall`, { dispatcher: tracked.dispatcher });
    await expect(response.body.text()).rejects.toMatchObject({ code: 'UND_ERR_BODY_TIMEOUT' });
    await agent.close();
  });

  it('tells a call waiting for a local connection from one on the wire', async () => {
    const oneConnection = new Agent({ connections: 1 });
    const holder = await request(`${url}/stall`, { dispatcher: oneConnection });
    const tracked = trackUpstreamCalls(oneConnection, () => ({ headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000 }));
    const controller = new AbortController();
    const queued = request(`${url}/stall`, { dispatcher: tracked.dispatcher, signal: controller.signal }).catch((caught: unknown) => caught);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(tracked.waitingLocally()).toBe(true);
    holder.body.destroy();
    const response = await queued;
    expect(tracked.waitingLocally()).toBe(false);
    (response as Awaited<ReturnType<typeof request>>).body.destroy();
    await oneConnection.destroy();
  });

  it('tracks a call made with a handler of the newer controller style, and hands it every part of the answer', async () => {
    const oneConnection = new Agent({ connections: 1 });
    const holder = await request(`${url}/stall`, { dispatcher: oneConnection });
    const tracked = trackUpstreamCalls(oneConnection, () => ({ headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000 }));
    const seen: string[] = [];
    let stop: (() => void) | undefined;
    const ended = new Promise<void>((resolve) => (stop = resolve));
    tracked.dispatcher.dispatch(
      { origin: url, path: '/slow', method: 'GET' },
      {
        onRequestStart: () => void seen.push('start'),
        onResponseStart: (_controller, statusCode) => void seen.push(`status ${statusCode}`),
        onResponseData: (_controller, chunk) => void seen.push(`data ${chunk.toString()}`),
        onResponseEnd: () => {
          seen.push('end');
          stop!();
        },
        onResponseError: (_controller, error) => {
          seen.push(`error ${error.message}`);
          stop!();
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(tracked.waitingLocally()).toBe(true);
    holder.body.destroy();
    await ended;
    expect(tracked.waitingLocally()).toBe(false);
    expect(seen).toEqual(['start', 'status 200', 'data late', 'end']);
    await oneConnection.destroy();
  });

  it("leaves the account's connections open when an attempt's dispatcher is closed", async () => {
    const agent = new Agent();
    const tracked = trackUpstreamCalls(agent, () => ({ headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000 }));
    await tracked.dispatcher.close();
    await tracked.dispatcher.destroy();
    await new Promise<void>((resolve) => tracked.dispatcher.close(resolve));
    await new Promise<void>((resolve) => tracked.dispatcher.destroy(null, resolve));
    const response = await request(`${url}/slow`, { dispatcher: agent });
    expect(await response.body.text()).toBe('late');
    await agent.close();
  });
});
