import { describe, expect, it } from 'vitest';
import { collectStream } from '../../core/collect-stream.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { readSseEvents } from '../../streaming/sse-event-reader.js';
import { enforceStreamContract } from '../http/enforce-stream-contract.js';
import { replayFixture } from '../http/replay-fixture.js';
import { OpenAIStreamDecoder, readOpenAIStream } from './decode-openai-stream.js';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const decode = (name: string) => readOpenAIStream(async () => replayFixture(fixture(name), 11), new AbortController().signal);

/** The reference: one staged step per event (SSE events, then the decoder, then the contract). */
async function* decodeStaged(body: AsyncIterable<Uint8Array>): AsyncGenerator<StreamEvent> {
  const decoder = new OpenAIStreamDecoder();
  const out: StreamEvent[] = [];
  async function* decoded(): AsyncGenerator<StreamEvent> {
    for await (const sse of readSseEvents(body)) {
      decoder.decode(sse, out);
      yield* out.splice(0, out.length);
      if (decoder.done) break;
    }
    decoder.end(out);
    yield* out;
  }
  yield* enforceStreamContract(decoded(), new AbortController().signal);
}

async function events(name: string): Promise<StreamEvent[]> {
  const result: StreamEvent[] = [];
  for await (const event of decode(name)) result.push(event);
  return result;
}

describe('readOpenAIStream', () => {
  it.each(['tool-call-after-text.sse', 'deepseek-reasoning.sse', 'several-tools-arguments-first.sse', 'error-chunk.sse'])(
    'reads %s, a body chunk at a time, as the staged decoding does',
    async (name) => {
      const signal = new AbortController().signal;
      const staged: StreamEvent[] = [];
      for await (const event of decodeStaged(replayFixture(fixture(name), 11))) staged.push(event);
      for (const chunkSize of [7, 4096]) {
        const fused: StreamEvent[] = [];
        for await (const event of readOpenAIStream(async () => replayFixture(fixture(name), chunkSize), signal)) fused.push(event);
        expect(fused).toEqual(staged);
      }
    },
  );

  it('decodes text followed by a tool call, with cached usage split out', async () => {
    expect((await events('tool-call-after-text.sse')).map((event) => event.type)).toEqual([
      'message-start',
      'text-start',
      'text-delta',
      'text-delta',
      'text-end',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-end',
      'usage',
      'finish',
    ]);
    const result = await collectStream(decode('tool-call-after-text.sse'));
    expect(result).toEqual({
      id: 'chatcmpl-A1',
      content: [
        { type: 'text', text: 'Let me check the weather.' },
        { type: 'tool-call', id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', name: 'get_weather', input: { location: 'Paris, France' }, rawInput: '{"location":"Paris, France"}' },
      ],
      finishReason: 'tool-calls',
      stopSequence: undefined,
      usage: { inputTokens: 86, outputTokens: 300, cacheReadTokens: 1920, cacheWriteTokens: 0 },
    });
  });

  it('buffers arguments that arrive before the id and name, and keeps several tools apart', async () => {
    const result = await collectStream(decode('several-tools-arguments-first.sse'));
    expect(result.content).toEqual([
      { type: 'tool-call', id: 'call_1', name: 'get_weather', input: { city: 'Paris' }, rawInput: '{"city":"Paris"}' },
      { type: 'tool-call', id: 'call_2', name: 'get_time', input: { tz: 'Europe/Paris' }, rawInput: '{"tz":"Europe/Paris"}' },
    ]);
    // A compatible server that says "stop" after tool calls still finished with tool calls.
    expect(result.finishReason).toBe('tool-calls');
  });

  it('reads reasoning_content as reasoning and reasoning tokens from usage', async () => {
    const result = await collectStream(decode('deepseek-reasoning.sse'));
    expect(result.content).toEqual([
      { type: 'reasoning', text: '9.11 vs 9.9: 0.90 > 0.11.' },
      { type: 'text', text: '9.9 is greater.' },
    ]);
    expect(result.finishReason).toBe('length');
    expect(result.usage).toEqual({ inputTokens: 15, outputTokens: 120, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 100 });
  });

  it('turns an in-stream error chunk into a typed error event after closing the text', async () => {
    const list = await events('error-chunk.sse');
    expect(list.map((event) => event.type)).toEqual(['message-start', 'text-start', 'text-delta', 'text-end', 'usage', 'error']);
    const last = list.at(-1);
    expect(last?.type === 'error' && last.error.kind).toBe('upstream_unavailable');
  });
});
