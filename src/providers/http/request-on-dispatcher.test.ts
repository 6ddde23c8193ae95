import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { Cancellation } from '../../core/cancel-signal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestOnDispatcher, requestTargetOf } from './request-on-dispatcher.js';

describe('requestTargetOf', () => {
  it('splits a URL into origin and path with query as the URL standard does', () => {
    expect(requestTargetOf('https://api.anthropic.com/v1/messages?beta=true')).toEqual({ origin: 'https://api.anthropic.com', path: '/v1/messages?beta=true' });
    expect(requestTargetOf('http://127.0.0.1:8080/v1/chat/completions')).toEqual({ origin: 'http://127.0.0.1:8080', path: '/v1/chat/completions' });
    // Default port dropped, credentials left out of the origin, an empty query left out of the path.
    expect(requestTargetOf('https://user:secret@example.com:443/a/b?')).toEqual({ origin: 'https://example.com', path: '/a/b' });
    expect(requestTargetOf('http://[::1]:9000/x%20y?q=a b')).toEqual({ origin: 'http://[::1]:9000', path: '/x%20y?q=a%20b' });
    expect(requestTargetOf('https://example.com')).toEqual({ origin: 'https://example.com', path: '/' });
  });

  it('answers a URL it has seen from memory, and still refuses one that is not a URL', () => {
    const url = 'https://memo.example.com/v1/messages';
    expect(requestTargetOf(url)).toBe(requestTargetOf(url));
    expect(() => requestTargetOf('not a url')).toThrow(TypeError);
  });
});

describe('requestOnDispatcher', () => {
  let server: http.Server;
  let base: string;
  const agent = new Agent();

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/never') return;
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ method: request.method, url: request.url, host: request.headers.host, header: request.headers['x-test'], body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await agent.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, path and query, headers and body to the URL, and returns the answer', async () => {
    const response = await requestOnDispatcher(agent, `${base}/v1/messages?beta=true`, { method: 'POST', headers: { 'x-test': 'yes' }, body: '{"a":1}' });
    expect(response.statusCode).toBe(201);
    expect(await response.body.json()).toEqual({ method: 'POST', url: '/v1/messages?beta=true', host: base.slice('http://'.length), header: 'yes', body: '{"a":1}' });
  });

  it('rejects with the abort reason when the signal aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(requestOnDispatcher(agent, `${base}/v1/messages`, { method: 'GET', signal: controller.signal })).rejects.toBe(reason);
  });

  it('takes a plain cancellation as its signal, fired before the call or while it waits for the answer', async () => {
    const before = new Cancellation();
    const early = new Error('stopped before');
    before.abort(early);
    await expect(requestOnDispatcher(agent, `${base}/v1/messages`, { method: 'GET', signal: before })).rejects.toBe(early);

    const during = new Cancellation();
    const late = new Error('stopped while waiting');
    const call = requestOnDispatcher(agent, `${base}/never`, { method: 'GET', signal: during });
    setTimeout(() => during.abort(late), 50);
    await expect(call).rejects.toBe(late);
  });
});
