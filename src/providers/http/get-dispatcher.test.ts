import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type RunningFake } from '../../../tests/fakes/anthropic-fake.js';
import type { AnthropicFakeScenario } from '../../../tests/fakes/anthropic-fake-scenario.js';
import { collectStream } from '../../core/collect-stream.js';
import { createAnthropicAdapter } from '../anthropic/anthropic-adapter.js';
import { Cancellation } from '../../core/cancel-signal.js';
import { closeDispatchers, dispatcherCount, getDispatcher } from './get-dispatcher.js';
import { trackUpstreamCalls } from './track-upstream-calls.js';
import { testAccount, testCallContext } from './test-call-context.js';

/** A minimal HTTP proxy: CONNECT tunnels and absolute-form requests, counting both. */
function startHttpProxy(): Promise<{ server: Server; url: string; uses: () => number }> {
  let uses = 0;
  const server = createServer((request, response) => {
    uses += 1;
    const target = new URL(request.url ?? '');
    const upstream = httpRequest(target, { method: request.method, headers: request.headers }, (upstreamResponse) => {
      response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
      upstreamResponse.pipe(response);
    });
    request.pipe(upstream);
  });
  server.on('connect', (request, clientSocket: Socket, head) => {
    uses += 1;
    const [host, port] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, uses: () => uses })),
  );
}

/** A minimal SOCKS5 server (no auth, CONNECT only), counting connections. */
function startSocksProxy(): Promise<{ server: TcpServer; url: string; uses: () => number }> {
  let uses = 0;
  const server = createTcpServer((client) => {
    client.once('data', (greeting) => {
      if (greeting[0] !== 5) return client.destroy();
      client.write(Buffer.from([5, 0]));
      client.once('data', (request) => {
        const addressType = request[3];
        let host: string;
        let offset: number;
        if (addressType === 1) {
          host = [...request.subarray(4, 8)].join('.');
          offset = 8;
        } else if (addressType === 3) {
          const length = request[4] ?? 0;
          host = request.subarray(5, 5 + length).toString();
          offset = 5 + length;
        } else return client.destroy();
        const port = request.readUInt16BE(offset);
        uses += 1;
        const upstream = connect(port, host, () => {
          client.write(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
          upstream.pipe(client);
          client.pipe(upstream);
        });
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `socks5://127.0.0.1:${(server.address() as AddressInfo).port}`, uses: () => uses })),
  );
}

describe('getDispatcher', () => {
  let fake: RunningFake<AnthropicFakeScenario>;
  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });
  afterAll(async () => {
    await fake.close();
    await closeDispatchers();
  });

  it('returns one pool for direct calls and one per proxy URL', () => {
    expect(getDispatcher()).toBe(getDispatcher(undefined));
    expect(getDispatcher('')).toBe(getDispatcher());
    expect(getDispatcher('http://127.0.0.1:1')).toBe(getDispatcher('http://127.0.0.1:1'));
    expect(getDispatcher('http://127.0.0.1:1')).not.toBe(getDispatcher());
  });

  it('rejects unsupported or malformed proxy URLs', () => {
    expect(() => getDispatcher('ftp://127.0.0.1:21')).toThrow(/Unsupported proxy protocol ftp/);
    expect(() => getDispatcher('not a url')).toThrow(/not a valid URL/);
  });

  it('stays bounded, evicting the least recently used pool', async () => {
    const keep = getDispatcher('http://127.0.0.1:2');
    for (let index = 0; index < 300; index += 1) {
      getDispatcher(`http://127.0.0.1:${10_000 + index}`);
      if (index % 50 === 0) getDispatcher('http://127.0.0.1:2');
    }
    expect(dispatcherCount()).toBeLessThanOrEqual(256);
    expect(getDispatcher('http://127.0.0.1:2')).toBe(keep);
    await closeDispatchers();
    expect(dispatcherCount()).toBe(0);
  });

  it.each([
    { name: 'HTTP proxy', start: startHttpProxy, perAttempt: false },
    { name: 'SOCKS5 proxy', start: startSocksProxy, perAttempt: false },
    // As the gateway calls: through one attempt's dispatcher, with a plain cancellation as the signal.
    { name: 'HTTP proxy, from an attempt', start: startHttpProxy, perAttempt: true },
    { name: 'SOCKS5 proxy, from an attempt', start: startSocksProxy, perAttempt: true },
  ])('sends upstream calls through an $name', async ({ start, perAttempt }) => {
    const proxy = await start();
    try {
      const adapter = createAnthropicAdapter();
      const account = testAccount({ provider: 'anthropic', baseUrl: fake.url, proxyUrl: proxy.url });
      const before = fake.requests.length;
      const shared = getDispatcher(account.proxyUrl);
      const context = perAttempt
        ? testCallContext({ dispatcher: trackUpstreamCalls(shared, () => ({ headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000 })).dispatcher, signal: new Cancellation() })
        : testCallContext({ dispatcher: shared });
      const result = await collectStream(
        adapter.stream(
          { model: 'm', system: [], messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], tools: [], stream: true },
          'claude-x',
          account,
          context,
        ),
      );
      expect(result.content).toEqual([{ type: 'text', text: 'Hello from the fake.' }]);
      expect(fake.requests.length).toBe(before + 1);
      expect(proxy.uses()).toBeGreaterThanOrEqual(1);
    } finally {
      await closeDispatchers();
      proxy.server.close();
    }
  });
});
