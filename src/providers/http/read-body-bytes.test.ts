import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { readBodyBytes, stopBody } from './read-body-bytes.js';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server answering every request with `handle`, and a request to it through the HTTP client. */
async function bodyFrom(handle: (response: http.ServerResponse) => void) {
  const server = http.createServer((_request, response) => handle(response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const answer = await request(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return answer.body;
}

describe('readBodyBytes', () => {
  it('reads an HTTP client body whole, over several chunks', async () => {
    const body = await bodyFrom((response) => {
      response.write('{"a":');
      setTimeout(() => response.end('"日本"}'), 20);
    });
    const read = await readBodyBytes(body, 1024);
    expect(read).toMatchObject({ complete: true });
    expect(read.bytes.toString('utf8')).toBe('{"a":"日本"}');
  });

  it('stops at the limit: the first bytes, marked incomplete, and the body ended', async () => {
    const stream = new PassThrough();
    stream.write('0123456789');
    stream.write('abcdef');
    const read = await readBodyBytes(stream, 12);
    expect(read.complete).toBe(false);
    expect(read.bytes.toString()).toBe('0123456789ab');
    expect(stream.destroyed).toBe(true);
  });

  it('rejects with the error of a body reset midway', async () => {
    const body = await bodyFrom((response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"cut":');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    await expect(readBodyBytes(body, 1024)).rejects.toMatchObject({ name: 'SocketError' });
  });

  it('rejects a body closed before its end, and one already failed', async () => {
    const closed = new PassThrough();
    closed.write('{');
    setTimeout(() => closed.destroy(), 10);
    await expect(readBodyBytes(closed, 1024)).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    const failed = new PassThrough();
    failed.on('error', () => undefined);
    failed.destroy(new Error('reset'));
    await expect(readBodyBytes(failed, 1024)).rejects.toThrow('reset');
  });

  it('keeps an error after the end from becoming an uncaught exception', async () => {
    const stream = new Readable({ read() {}, autoDestroy: false });
    stream.push('{}');
    stream.push(null);
    expect((await readBodyBytes(stream, 1024)).bytes.toString()).toBe('{}');
    stream.destroy(new Error('late'));
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('reads any other async iterable the same way, ending it at the limit', async () => {
    let stopped = false;
    async function* chunks() {
      try {
        yield new TextEncoder().encode('abc');
        yield new TextEncoder().encode('def');
        yield new TextEncoder().encode('ghi');
      } finally {
        stopped = true;
      }
    }
    expect((await readBodyBytes(chunks(), 100)).bytes.toString()).toBe('abcdefghi');
    const cut = await readBodyBytes(chunks(), 4);
    expect([cut.bytes.toString(), cut.complete, stopped]).toEqual(['abcd', false, true]);
  });
});

describe('stopBody', () => {
  it('destroys a stream and returns an iterator', async () => {
    const stream = new PassThrough();
    await stopBody(stream);
    expect(stream.destroyed).toBe(true);
    let returned = false;
    const iterable: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }), return: async () => ((returned = true), { done: true, value: undefined }) }),
    };
    await stopBody(iterable);
    expect(returned).toBe(true);
  });
});
