import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import type { ChatResult } from '../../core/chat-result.js';
import { collectStream } from '../../core/collect-stream.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { replayFixture } from '../http/replay-fixture.js';
import { decodeAnthropicMessage } from './decode-anthropic-message.js';
import { readAnthropicStream } from './read-anthropic-stream.js';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const signal = new AbortController().signal;

/** The whole message the official SDK assembles from a recorded event stream: what `stream: false` answers. */
async function wholeMessageOf(name: string): Promise<Record<string, unknown>> {
  const bytes = readFileSync(fixture(name));
  const client = new Anthropic({
    apiKey: 'test',
    baseURL: 'http://127.0.0.1:1',
    maxRetries: 0,
    fetch: async () => new Response(bytes, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
  });
  const message = await client.messages.stream({ model: 'claude-test', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] }).finalMessage();
  return message as unknown as Record<string, unknown>;
}

async function* events(list: StreamEvent[]): AsyncGenerator<StreamEvent> {
  yield* list;
}

describe('decodeAnthropicMessage', () => {
  // (The thinking fixture is left out: its message_start has no usage, which the SDK cannot assemble.)
  it.each(['tool-call-after-text.sse', 'several-tools.sse', 'cache-usage-with-credits.sse'])(
    'collects to the same answer as the event stream it was assembled from (%s)',
    async (name) => {
      const streamed = await collectStream(readAnthropicStream(async () => replayFixture(fixture(name)), signal));
      const whole = await collectStream(events(decodeAnthropicMessage(await wholeMessageOf(name))));
      // Tool input arrives parsed in a whole answer: the same input, not the same spacing of its JSON text.
      // The SDK copies only the usage fields it knows from message_delta: Amp's `credits` is checked below.
      const comparable = (result: ChatResult) => ({
        ...result,
        content: result.content.map((part) => (part.type === 'tool-call' ? { ...part, rawInput: '' } : part)),
        usage: { ...result.usage, credits: undefined },
      });
      expect(comparable(whole)).toEqual(comparable(streamed));
    },
  );

  it('keeps the contract: one message-start, blocks opened and closed, usage, then the finish', () => {
    const decoded = decodeAnthropicMessage({
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Hmm.', signature: 'sig' },
        { type: 'redacted_thinking', data: 'opaque' },
        { type: 'text', text: 'Hi' },
        { type: 'web_search_tool_result', tool_use_id: 'x', content: [] },
        { type: 'tool_use', id: 'toolu_1', name: 'f', input: { a: 1 } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 5, output_tokens: 7 },
    });
    expect(decoded.map((event) => event.type)).toEqual([
      'message-start',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-signature',
      'reasoning-end',
      'redacted-reasoning',
      'text-start',
      'text-delta',
      'text-end',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'usage',
      'finish',
    ]);
    expect(decoded.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls', stopSequence: undefined });
  });

  it("reads the whole answer's usage, Amp's credits included", async () => {
    const usage = { input_tokens: 12, output_tokens: 7, cache_read_input_tokens: 2048, cache_creation_input_tokens: 248, credits: 0.0123 };
    const result = await collectStream(events(decodeAnthropicMessage({ id: 'm', type: 'message', content: [{ type: 'text', text: 'x' }], stop_reason: 'end_turn', usage })));
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 7, cacheReadTokens: 2048, cacheWriteTokens: 248, credits: 0.0123 });
  });

  it('refuses JSON that is not a message, so the call can fail over', () => {
    expect(() => decodeAnthropicMessage({ hello: 'world' })).toThrow(UpstreamUnavailableError);
    expect(() => decodeAnthropicMessage({ type: 'message', content: 'text' })).toThrow(UpstreamUnavailableError);
  });

  it('passes an empty answer on as a finished one, as a stream that closed with message_stop is', () => {
    const decoded = decodeAnthropicMessage({ type: 'message', content: [], stop_reason: 'end_turn', usage: { input_tokens: 3, output_tokens: 0 } });
    expect(decoded.map((event) => event.type)).toEqual(['message-start', 'usage', 'finish']);
  });
});
