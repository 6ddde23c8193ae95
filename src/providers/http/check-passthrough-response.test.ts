import { describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { PassthroughResponse } from '../provider-adapter.js';
import { checkPassthroughResponse } from './check-passthrough-response.js';

const encoder = new TextEncoder();

/** A body from chunks, noting whether the reader stopped it early. */
function answer(contentType: string | undefined, chunks: string[]): { response: PassthroughResponse; stopped: () => boolean } {
  let stopped = false;
  let index = 0;
  const iterator: AsyncIterableIterator<Uint8Array> = {
    next: async () => (index < chunks.length ? { done: false, value: encoder.encode(chunks[index++]!) } : { done: true, value: undefined }),
    return: async () => {
      stopped = true;
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return { response: { status: 200, headers: contentType ? { 'content-type': contentType } : {}, body: iterator }, stopped: () => stopped };
}

async function text(response: PassthroughResponse): Promise<string> {
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of response.body) out += decoder.decode(chunk, { stream: true });
  return out;
}

describe('checkPassthroughResponse', () => {
  it('reads a stream only up to its first event, then replays it with the rest unread until asked', async () => {
    const chunks = ['event: message_start\ndata: {"type":"mess', 'age_start"}\n\n', 'event: ping\ndata: {"type":"ping"}\n\n', 'event: message_stop\ndata: {}\n\n'];
    const { response } = answer('text/event-stream', chunks);
    let reads = 0;
    const inner = response.body[Symbol.asyncIterator]();
    const counted: PassthroughResponse = {
      ...response,
      body: { [Symbol.asyncIterator]: () => ({ next: () => ((reads += 1), inner.next()), return: inner.return?.bind(inner) }) },
    };
    const checked = await checkPassthroughResponse(counted, true);
    expect(reads).toBe(2);
    expect(await text(checked)).toBe(chunks.join(''));
  });

  it.each([
    ['a keep-alive comment before it', [': ping\n\nevent: message_start\ndata: {"type":"message_start"}\n\nevent: ping\ndata: {}\n\n']],
    ['CRLF line ends', ['event: message_start\r\ndata: {"type":"message_start"}\r\n\r\ndata: {}\r\n\r\n']],
    ['an event spread over two chunks', ['data: {"text":"\u65e5', '\u672c"}\n\ndata: {}\n\n']],
  ])('finds the first event after %s, and replays every byte', async (_case, chunks) => {
    const { response } = answer('text/event-stream', chunks);
    expect(await text(await checkPassthroughResponse(response, true))).toBe(chunks.join(''));
  });

  it('refuses a stream whose first event, after a comment in the same chunk, is an error', async () => {
    const { response } = answer('text/event-stream', [': ping\n\nevent: error\ndata: {"type":"error","error":{"message":"overloaded"}}\n\n']);
    await expect(checkPassthroughResponse(response, true)).rejects.toThrow(UpstreamUnavailableError);
  });

  it('stops the upstream when the replayed body is abandoned', async () => {
    const { response, stopped } = answer('text/event-stream', ['data: {"id":"1","choices":[]}\n\n', 'data: [DONE]\n\n']);
    const checked = await checkPassthroughResponse(response, true);
    await checked.body[Symbol.asyncIterator]().return?.();
    expect(stopped()).toBe(true);
  });

  it('passes a whole JSON answer as one chunk', async () => {
    const { response } = answer('application/json', ['{"id":"msg_1",', '"content":[]}']);
    expect(await text(await checkPassthroughResponse(response, false))).toBe('{"id":"msg_1","content":[]}');
  });

  it.each([
    ['HTML', 'text/html', ['<html>busy</html>'], 'text/html instead of JSON or an event stream'],
    ['cut JSON', 'application/json', ['{"id":"msg_1","conte'], 'is not valid JSON'],
    ['a JSON array', 'application/json', ['[]'], 'is not a JSON object'],
    ['an error in a 200 body', 'application/json', ['{"error":{"message":"no"}}'], 'an error despite its success status'],
    ['garbage SSE', 'text/event-stream', ['data: hello\n\n'], 'first event is not valid JSON'],
    ['an SSE error event', 'text/event-stream', ['event: error\ndata: {"type":"error","error":{"type":"overloaded_error"}}\n\n'], 'an error despite its success status'],
    ['an empty stream', 'text/event-stream', [': ping\n\n'], 'ended before its first event'],
    ['no content type and not JSON', undefined, ['oops'], 'is not valid JSON'],
  ])('refuses %s as an upstream failure and stops reading', async (_name, contentType, chunks, message) => {
    const { response, stopped } = answer(contentType, chunks);
    const error = await checkPassthroughResponse(response, false).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ status: 502, isRetryable: true, blamesAccount: true });
    expect((error as Error).message).toContain(message);
    expect(stopped()).toBe(true);
  });

  it('refuses a stream with no complete event in its first 64 KiB', async () => {
    const { response } = answer('text/event-stream', [`data: ${'x'.repeat(70 * 1024)}`]);
    await expect(checkPassthroughResponse(response, true)).rejects.toThrow('without a complete event');
  });
});
