import { describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { readEventBatches } from '../../core/event-batches.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { readSseEvents } from '../../streaming/sse-event-reader.js';
import { enforceStreamContract } from '../http/enforce-stream-contract.js';
import { replayFixture } from '../http/replay-fixture.js';
import { decodeAnthropicStream } from './decode-anthropic-stream.js';
import { readAnthropicStream } from './read-anthropic-stream.js';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const signal = new AbortController().signal;

async function all(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const result: StreamEvent[] = [];
  for await (const event of events) result.push(event);
  return result;
}

async function* text(parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

const sse = (data: object) => `event: x\ndata: ${JSON.stringify(data)}\n\n`;

describe('readAnthropicStream', () => {
  it.each(['tool-call-after-text.sse', 'thinking-with-signature.sse', 'several-tools.sse', 'cache-usage-with-credits.sse', 'overloaded-mid-stream.sse'])(
    'yields what the staged decoding yields for %s',
    async (name) => {
      const staged = await all(enforceStreamContract(decodeAnthropicStream(readSseEvents(replayFixture(fixture(name)))), signal));
      for (const chunkSize of [7, 4096]) {
        expect(await all(readAnthropicStream(async () => replayFixture(fixture(name), chunkSize), signal))).toEqual(staged);
      }
    },
  );

  it('hands on the events of each body chunk as one batch', async () => {
    const start = sse({ type: 'message_start', message: { id: 'msg_1', usage: { input_tokens: 3, output_tokens: 0 } } });
    const open = sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    const word = (text: string) => sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
    const end = sse({ type: 'content_block_stop', index: 0 }) + sse({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 2 } }) + sse({ type: 'message_stop' });
    const batches = readEventBatches(readAnthropicStream(async () => text([start + open + word('a') + word('b'), word('c') + end]), signal));
    const types: string[][] = [];
    for (let next = await batches.next(); !next.done; next = await batches.next()) types.push(next.value.map((event) => event.type));
    expect(types).toEqual([
      ['message-start', 'text-start', 'text-delta', 'text-delta'],
      ['text-delta', 'text-end', 'usage', 'finish'],
    ]);
  });

  it('throws what opening the upstream throws, unchanged', async () => {
    const refused = new UpstreamUnavailableError('No.');
    await expect(all(readAnthropicStream(() => Promise.reject(refused), signal))).rejects.toBe(refused);
  });

  it('throws an upstream error event that comes before any content', async () => {
    const body = text([sse({ type: 'message_start', message: { id: 'm' } }) + sse({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })]);
    await expect(all(readAnthropicStream(async () => body, signal))).rejects.toThrow('Overloaded');
  });

  it('ends with an error event when the body fails after content, after the events already read', async () => {
    async function* body(): AsyncGenerator<Uint8Array> {
      yield* text([
        sse({ type: 'message_start', message: { id: 'm' } }) +
          sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }) +
          sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } }),
      ]);
      throw Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    }
    const events = await all(readAnthropicStream(async () => body(), signal));
    expect(events.map((event) => event.type)).toEqual(['message-start', 'text-start', 'text-delta', 'text-end', 'usage', 'error']);
  });

  it('skips malformed events and yields nothing after message_stop', async () => {
    async function* body(): AsyncGenerator<Uint8Array> {
      yield* text([
        'data: {not json\n\n' +
          sse({ type: 'content_block_start', index: 'zero', content_block: null }) +
          sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: 'A' } }) +
          sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 7 } }) +
          sse({ type: 'message_stop' }),
      ]);
      yield* text([sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'late' } })]);
    }
    const events = await all(readAnthropicStream(async () => body(), signal));
    expect(events.map((event) => event.type)).toEqual(['message-start', 'text-start', 'text-delta', 'text-end', 'usage', 'finish']);
    expect(events[2]).toEqual({ type: 'text-delta', id: 'text-0', delta: 'A' });
  });
});
