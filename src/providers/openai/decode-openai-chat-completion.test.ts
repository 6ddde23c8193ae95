import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { ChatResult } from '../../core/chat-result.js';
import { collectStream } from '../../core/collect-stream.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { fetchReturningStream } from '../../formats/__fixtures__/fetch-returning.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { replayFixture } from '../http/replay-fixture.js';
import { decodeOpenAIChatCompletion } from './decode-openai-chat-completion.js';
import { readOpenAIStream } from './decode-openai-stream.js';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const signal = new AbortController().signal;

/** The whole completion the official SDK assembles from a recorded event stream: what `stream: false` answers. */
async function wholeCompletionOf(name: string): Promise<Record<string, unknown>> {
  const recorded = readFileSync(fixture(name), 'utf8');
  const fetch = fetchReturningStream(async function* () {
    yield recorded;
  });
  const client = new OpenAI({ apiKey: 'test', baseURL: 'http://127.0.0.1:1', maxRetries: 0, fetch });
  const completion = await client.chat.completions.stream({ model: 'gpt-test', messages: [{ role: 'user', content: 'Hi' }] }).finalChatCompletion();
  return completion as unknown as Record<string, unknown>;
}

async function* events(list: StreamEvent[]): AsyncGenerator<StreamEvent> {
  yield* list;
}

const decode = (completion: Record<string, unknown>) => collectStream(events(decodeOpenAIChatCompletion(completion)));

describe('decodeOpenAIChatCompletion', () => {
  // (error-chunk.sse is left out: the SDK throws on its error chunk, as a whole answer's error is refused before decoding.)
  it.each(['tool-call-after-text.sse', 'several-tools-arguments-first.sse', 'deepseek-reasoning.sse'])(
    'collects to the same answer as the event stream it was assembled from (%s)',
    async (name) => {
      const streamed = await collectStream(readOpenAIStream(async () => replayFixture(fixture(name)), signal));
      const whole = await decode(await wholeCompletionOf(name));
      // The SDK does not join `reasoning_content` deltas (a field it does not know): it keeps the last
      // chunk's value, null in the DeepSeek recording. Reasoning in a whole answer is checked below.
      const withoutReasoning = (result: ChatResult) => ({ ...result, content: result.content.filter((part) => part.type !== 'reasoning') });
      expect(withoutReasoning(whole)).toEqual(withoutReasoning(streamed));
      expect(whole.content.length).toBeGreaterThan(0);
    },
  );

  const completion = (message: Record<string, unknown> | null, finishReason: string | null = 'stop', usage?: Record<string, unknown>) => ({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    choices: [{ index: 0, message, finish_reason: finishReason }],
    ...(usage ? { usage } : {}),
  });

  it('keeps the contract: reasoning, text, the tool calls by their place in the list, usage, then the finish', async () => {
    const whole = completion(
      {
        role: 'assistant',
        reasoning_content: 'Two lookups.',
        content: 'Checking both.',
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'lookup', arguments: '{"key":"a"}' } },
          { id: 'call_b', type: 'function', function: { name: 'lookup', arguments: '{"key":"b"}' } },
        ],
      },
      'tool_calls',
      { prompt_tokens: 40, completion_tokens: 12, prompt_tokens_details: { cached_tokens: 32 }, completion_tokens_details: { reasoning_tokens: 4 } },
    );
    expect(decodeOpenAIChatCompletion(whole).map((event) => event.type)).toEqual([
      'message-start',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-end',
      // Tool calls stay open until the finish reason, as in a stream (the contract allows that).
      'tool-input-start',
      'tool-input-delta',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-input-end',
      'usage',
      'finish',
    ]);
    expect(await decode(whole)).toEqual({
      id: 'chatcmpl-1',
      content: [
        { type: 'reasoning', text: 'Two lookups.' },
        { type: 'text', text: 'Checking both.' },
        { type: 'tool-call', id: 'call_a', name: 'lookup', input: { key: 'a' }, rawInput: '{"key":"a"}' },
        { type: 'tool-call', id: 'call_b', name: 'lookup', input: { key: 'b' }, rawInput: '{"key":"b"}' },
      ],
      finishReason: 'tool-calls',
      stopSequence: undefined,
      usage: { inputTokens: 8, outputTokens: 12, cacheReadTokens: 32, cacheWriteTokens: 0, reasoningTokens: 4 },
    });
  });

  it('reads `reasoning` as compatible servers name it, and a refusal as text', async () => {
    const reasoned = await decode(completion({ role: 'assistant', reasoning: 'Hmm.', content: 'Yes.' }));
    expect(reasoned.content).toEqual([
      { type: 'reasoning', text: 'Hmm.' },
      { type: 'text', text: 'Yes.' },
    ]);
    const refused = await decode(completion({ role: 'assistant', content: null, refusal: "I can't help with that." }));
    expect(refused.content).toEqual([{ type: 'text', text: "I can't help with that." }]);
    expect(refused.finishReason).toBe('stop');
  });

  it('passes an empty answer on as a finished one, and one without a finish reason as cut', async () => {
    expect(decodeOpenAIChatCompletion(completion({ role: 'assistant', content: '' })).map((event) => event.type)).toEqual(['message-start', 'usage', 'finish']);
    expect((await decode(completion({ role: 'assistant', content: 'Partial' }, null))).finishReason).toBe('other');
  });

  it('refuses JSON that is not a chat completion, so the call can fail over', () => {
    for (const body of [{ hello: 'world' }, { object: 'list', data: [] }, { choices: [] }, { choices: 'text' }, { choices: [{ index: 0, message: { content: 7 } }] }]) {
      expect(() => decodeOpenAIChatCompletion(body)).toThrow(UpstreamUnavailableError);
      expect(() => decodeOpenAIChatCompletion(body)).toThrow(expect.objectContaining({ isRetryable: true, upstreamStatus: 200 }));
    }
  });
});
