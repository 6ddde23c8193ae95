import { describe, expect, it } from 'vitest';
import { readSseEventBatches, readSseEvents, type SseEvent } from './sse-event-reader.js';

async function* chunks(parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

async function read(parts: string[]): Promise<Array<Pick<SseEvent, 'event' | 'data'>>> {
  const events = [];
  for await (const event of readSseEvents(chunks(parts))) events.push({ event: event.event, data: event.data });
  return events;
}

describe('readSseEvents', () => {
  it.each([
    { name: 'named events split across chunks', parts: ['event: ping\nda', 'ta: {"a":1}\n', '\nevent: done\ndata: x\n\n'], expected: [{ event: 'ping', data: '{"a":1}' }, { event: 'done', data: 'x' }] },
    { name: 'CRLF line endings and comments', parts: [': keep-alive\r\n\r\ndata: one\r\n\r\n'], expected: [{ event: undefined, data: 'one' }] },
    { name: 'multi-line data', parts: ['data: a\ndata: b\n\n'], expected: [{ event: undefined, data: 'a\nb' }] },
    { name: 'a final event without its blank line', parts: ['data: [DONE]'], expected: [{ event: undefined, data: '[DONE]' }] },
  ])('$name', async ({ parts, expected }) => {
    expect(await read(parts)).toEqual(expected);
  });

  it('decodes a multi-byte character split between chunks', async () => {
    const bytes = new TextEncoder().encode('data: café\n\n');
    async function* split(): AsyncGenerator<Uint8Array> {
      yield bytes.subarray(0, 10);
      yield bytes.subarray(10);
    }
    const events = [];
    for await (const event of readSseEvents(split())) events.push(event.data);
    expect(events).toEqual(['café']);
  });

  it('fails on an event larger than the bound instead of buffering without limit', async () => {
    const piece = 'x'.repeat(1024 * 1024);
    async function* endless(): AsyncGenerator<string> {
      yield 'data: ';
      for (let index = 0; index < 20; index += 1) yield piece;
    }
    const read = async () => {
      for await (const event of readSseEvents(endless())) void event;
    };
    await expect(read()).rejects.toMatchObject({ kind: 'upstream_unavailable' });
  });

  it('drains the rest of the body briefly when the consumer stops early', async () => {
    let finished = false;
    async function* body(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('data: first\n\n');
      yield new TextEncoder().encode('data: second\n\n');
      finished = true;
    }
    for await (const event of readSseEvents(body())) {
      expect(event.data).toBe('first');
      break;
    }
    expect(finished).toBe(true);
  });

  it('gives up draining a body that never ends', async () => {
    let returned = false;
    const body: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => {
        let sent = false;
        return {
          next: () => (sent ? new Promise<IteratorResult<Uint8Array>>(() => undefined) : ((sent = true), Promise.resolve({ done: false, value: new TextEncoder().encode('data: x\n\n') }))),
          return: async () => {
            returned = true;
            return { done: true, value: undefined };
          },
        };
      },
    };
    const started = Date.now();
    for await (const event of readSseEvents(body)) {
      expect(event.data).toBe('x');
      break;
    }
    expect(returned).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('readSseEventBatches', () => {
  it('yields the events each chunk completes together, and no empty batch', async () => {
    const batches: string[][] = [];
    for await (const batch of readSseEventBatches(chunks(['data: a\n\ndata: b\n\ndata: c', '\n', '\ndata: d']))) {
      batches.push(batch.map((event) => event.data));
    }
    expect(batches).toEqual([['a', 'b'], ['c'], ['d']]);
  });
});
