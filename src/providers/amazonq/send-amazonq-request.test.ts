import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handOverBodyBytes } from '../http/hand-over-body.js';
import { sendAmazonQRequest } from './send-amazonq-request.js';

describe('sendAmazonQRequest', () => {
  let server: http.Server;
  let base: string;
  const dispatcher = new Agent();

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const hash = createHash('sha256');
      request.on('data', (chunk: Buffer) => hash.update(chunk));
      request.on('end', () => {
        const seen = { length: request.headers['content-length'], encoding: request.headers['transfer-encoding'] ?? null, type: request.headers['content-type'], sha: hash.digest('hex') };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(seen));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await dispatcher.close();
  });

  it.each([
    { size: 'small', length: 2000 },
    { size: 'large (handed over)', length: handOverBodyBytes * 4 },
  ])('sends a $size body whole, with its length, its headers and no chunked framing', async ({ length }) => {
    const body = JSON.stringify({ conversationState: { currentMessage: { userInputMessage: { content: '中'.repeat(length / 3) } } } });
    const headers = { 'Content-Type': 'application/x-amz-json-1.0' };
    const response = await sendAmazonQRequest({ url: `${base}/generateAssistantResponse`, method: 'POST', headers, body, dispatcher, signal: new AbortController().signal });
    expect(await response.body.json()).toEqual({
      length: String(Buffer.byteLength(body)),
      encoding: null,
      type: 'application/x-amz-json-1.0',
      sha: createHash('sha256').update(body).digest('hex'),
    });
    // The caller's headers are not changed.
    expect(headers).toEqual({ 'Content-Type': 'application/x-amz-json-1.0' });
  });
});
