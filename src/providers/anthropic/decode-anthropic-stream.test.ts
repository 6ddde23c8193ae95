import { describe, expect, it } from 'vitest';
import { collectStream } from '../../core/collect-stream.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { readSseEvents } from '../../streaming/sse-event-reader.js';
import { enforceStreamContract } from '../http/enforce-stream-contract.js';
import { replayFixture } from '../http/replay-fixture.js';
import { decodeAnthropicStream } from './decode-anthropic-stream.js';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const decode = (name: string) => enforceStreamContract(decodeAnthropicStream(readSseEvents(replayFixture(fixture(name)))), new AbortController().signal);

async function events(name: string): Promise<StreamEvent[]> {
  const result: StreamEvent[] = [];
  for await (const event of decode(name)) result.push(event);
  return result;
}

describe('decodeAnthropicStream', () => {
  it('decodes a tool call after text', async () => {
    const list = await events('tool-call-after-text.sse');
    expect(list.map((event) => event.type)).toEqual([
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
      id: 'msg_014p7gG3wDgGV9EUtLvnow3U',
      content: [
        { type: 'text', text: "Okay, let's check the weather for San Francisco, CA:" },
        {
          type: 'tool-call',
          id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6',
          name: 'get_weather',
          input: { location: 'San Francisco, CA', unit: 'fahrenheit' },
          rawInput: '{"location": "San Francisco, CA", "unit": "fahrenheit"}',
        },
      ],
      finishReason: 'tool-calls',
      stopSequence: undefined,
      usage: { inputTokens: 472, outputTokens: 89, cacheReadTokens: 0, cacheWriteTokens: 0 },
    });
  });

  it('keeps thinking text, its signature and redacted thinking', async () => {
    const result = await collectStream(decode('thinking-with-signature.sse'));
    expect(result.content).toEqual([
      {
        type: 'reasoning',
        text: 'I need to find the GCD of 1071 and 462 using the Euclidean algorithm.\n\n1071 = 2 × 462 + 147\n462 = 3 × 147 + 21\n147 = 7 × 21 + 0\n\nSo GCD(1071, 462) = 21',
        signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds...',
      },
      { type: 'redacted-reasoning', data: 'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP' },
      { type: 'text', text: 'The greatest common divisor of 1071 and 462 is **21**.' },
    ]);
    expect(result.finishReason).toBe('stop');
  });

  it('reads cache tokens, credits and the stop sequence', async () => {
    const result = await collectStream(decode('cache-usage-with-credits.sse'));
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 7, cacheReadTokens: 2048, cacheWriteTokens: 248, credits: 0.0123 });
    expect(result).toMatchObject({ finishReason: 'stop-sequence', stopSequence: '###' });
  });

  it('keeps several tool calls apart', async () => {
    const result = await collectStream(decode('several-tools.sse'));
    expect(result.content).toEqual([
      { type: 'tool-call', id: 'toolu_A', name: 'get_weather', input: { city: 'Paris' }, rawInput: '{"city": "Paris"}' },
      { type: 'tool-call', id: 'toolu_B', name: 'get_time', input: { tz: 'Europe/Paris' }, rawInput: '{"tz": "Europe/Paris"}' },
    ]);
  });

  it('turns an error event after content into a closed stream ending in a typed error', async () => {
    const list = await events('overloaded-mid-stream.sse');
    expect(list.map((event) => event.type)).toEqual(['message-start', 'text-start', 'text-delta', 'text-end', 'usage', 'error']);
    const last = list.at(-1);
    expect(last?.type === 'error' && last.error.kind).toBe('upstream_unavailable');
    expect(last?.type === 'error' && last.error.upstreamStatus).toBe(529);
  });
});

describe('decodeAnthropicStream text deltas', () => {
  async function* sse(...payloads: object[]) {
    for (const payload of payloads) yield { event: (payload as { type: string }).type, data: JSON.stringify(payload), id: undefined };
  }
  const decodeAll = async (...payloads: object[]) => {
    const list: StreamEvent[] = [];
    for await (const event of decodeAnthropicStream(sse(...payloads))) list.push(event);
    return list;
  };

  it('passes text deltas of an open text block on, and nothing for a closed, unknown or non-text block', async () => {
    const list = await decodeAll(
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } },
      { type: 'content_block_delta', index: 7, delta: { type: 'text_delta', text: 'no block' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 42 } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'lo' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'after stop' } },
      { type: 'content_block_start', index: 1, content_block: { type: 'thinking', thinking: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'text in a thinking block' } },
    );
    expect(list.filter((event) => event.type === 'text-delta')).toEqual([
      { type: 'text-delta', id: 'text-0', delta: 'Hel' },
      { type: 'text-delta', id: 'text-0', delta: 'lo' },
    ]);
  });
});
