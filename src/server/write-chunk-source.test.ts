import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { responseFromSource, type ChunkSource } from '../gateway/chunk-source.js';
import { writeChunkSourcesDirectly } from './write-chunk-source.js';

const encoder = new TextEncoder();
let server: http.Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** Serves every request with the response `respond` builds, through the direct writer. */
async function serveWith(respond: () => Response): Promise<string> {
  const fetch = writeChunkSourcesDirectly(() => respond());
  server = http.createServer((incoming, outgoing) => {
    void Promise.resolve(fetch(new Request('http://test/'), { incoming, outgoing })).then((response) => {
      // What @hono/node-server does with an answer the handler already sent: nothing.
      if (response.headers.get('x-hono-already-sent')) return;
      outgoing.writeHead(response.status).end('not written directly');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function sourceOf(parts: string[], options: { failAfter?: Error; onCancel?: () => void; waitBefore?: number } = {}): ChunkSource {
  let index = 0;
  return {
    async pull() {
      if (index === 0 && options.waitBefore) await new Promise((resolve) => setTimeout(resolve, options.waitBefore));
      if (index === parts.length) {
        if (options.failAfter) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          throw options.failAfter;
        }
        return { chunks: [], done: true };
      }
      index += 1;
      return { chunks: [encoder.encode(parts[index - 1]!)], done: false };
    },
    async cancel() {
      options.onCancel?.();
    },
  };
}

describe('writeChunkSourcesDirectly', () => {
  it('writes the status, every header and every chunk of a chunk-source answer to the socket', async () => {
    const url = await serveWith(() =>
      responseFromSource(sourceOf(['data: 1\n\n', 'data: 2\n\n']), { status: 201, headers: { 'content-type': 'text/event-stream', 'x-request-id': 'r1' } }),
    );
    const response = await fetch(url);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect(await response.text()).toBe('data: 1\n\ndata: 2\n\n');
  });

  it('sends the headers at once when the first chunk keeps the client waiting', async () => {
    const url = await serveWith(() => responseFromSource(sourceOf(['late'], { waitBefore: 300 }), { headers: { 'content-type': 'text/event-stream' } }));
    const started = Date.now();
    const response = await fetch(url);
    expect(Date.now() - started).toBeLessThan(250);
    expect(await response.text()).toBe('late');
  });

  it('leaves ordinary answers to the server', async () => {
    const url = await serveWith(() => new Response('plain'));
    expect(await (await fetch(url)).text()).toBe('not written directly');
  });

  it('cuts the connection when the source fails, after what was already sent', async () => {
    const url = await serveWith(() => responseFromSource(sourceOf(['partial'], { failAfter: new Error('upstream gone') }), { headers: { 'content-type': 'text/plain' } }));
    const response = await fetch(url);
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('partial');
    await expect(reader.read()).rejects.toThrow();
  });

  it('cancels the source when the client leaves mid-answer', async () => {
    let cancelled = false;
    const endless: ChunkSource = {
      pull: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { chunks: [encoder.encode('tick\n')], done: false };
      },
      cancel: async () => {
        cancelled = true;
      },
    };
    const url = await serveWith(() => responseFromSource(endless, { headers: { 'content-type': 'text/plain' } }));
    const abort = new AbortController();
    const response = await fetch(url, { signal: abort.signal });
    const reader = response.body!.getReader();
    await reader.read();
    abort.abort();
    await expect.poll(() => cancelled, { timeout: 2000 }).toBe(true);
  });
});
