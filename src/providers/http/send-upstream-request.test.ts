import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../tests/support/collect-garbage.js';
import { getDispatcher } from './get-dispatcher.js';
import { handOverBodyBytes } from './hand-over-body.js';
import { sendUpstreamRequest } from './send-upstream-request.js';
import { testAccount } from './test-call-context.js';

interface Received {
  length: string | undefined;
  encoding: string | undefined;
  sha: string;
}

describe('sendUpstreamRequest bodies', () => {
  let server: http.Server;
  let base: string;
  const received: Received[] = [];
  /** Ends the answer that is being held open. */
  let release = (): void => undefined;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const hash = createHash('sha256');
      request.on('data', (chunk: Buffer) => hash.update(chunk));
      request.on('end', () => {
        received.push({ length: request.headers['content-length'], encoding: request.headers['transfer-encoding'], sha: hash.digest('hex') });
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write('data: {"first":true}\n\n');
        release = () => response.end('data: {"last":true}\n\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (body: string | Uint8Array) =>
    sendUpstreamRequest({
      url: `${base}/v1/messages`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      account: testAccount({ provider: 'anthropic', baseUrl: base }),
      dispatcher: getDispatcher(),
      signal: new AbortController().signal,
    });

  const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

  it.each([
    { size: 'small', length: 1000 },
    { size: 'large', length: handOverBodyBytes * 4 },
  ])('sends a $size body whole, with its length and no chunked framing', async ({ length }) => {
    const body = JSON.stringify({ text: 'é'.repeat(length / 2) });
    const response = await send(body);
    release();
    await response.body.text();
    expect(received.at(-1)).toEqual({ length: String(Buffer.byteLength(body)), encoding: undefined, sha: sha(body) });
  });

  it('lets a large body go once it is written, while the answer still streams', async () => {
    // Made in a function of its own, so that only the call can reach the bytes.
    const { pending, tracked } = (() => {
      const bytes = new TextEncoder().encode(JSON.stringify({ text: 'x'.repeat(handOverBodyBytes * 3) }));
      return { pending: send(bytes), tracked: new WeakRef(bytes) };
    })();
    const response = await pending;
    const reader = response.body[Symbol.asyncIterator]();
    expect(Buffer.from((await reader.next()).value as Uint8Array).toString()).toContain('first');
    await collectGarbage();
    expect(tracked.deref()).toBeUndefined();
    release();
    while (!(await reader.next()).done);
  });
});
