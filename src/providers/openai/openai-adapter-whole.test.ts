import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAIError, type OpenAIFakeScenario } from '../../../tests/fakes/openai-fake-scenario.js';
import { startFakeOpenAI, type RunningFake } from '../../../tests/fakes/openai-fake.js';
import type { ChatRequest } from '../../core/chat-request.js';
import { collectStream } from '../../core/collect-stream.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { testAccount, testCallContext } from '../http/test-call-context.js';
import { createOpenAICompatibleAdapter } from '../openai-compatible/openai-compatible-adapter.js';
import { createOpenAIAdapter } from './openai-adapter.js';

const request: ChatRequest = {
  model: 'client-model',
  system: [],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  tools: [{ name: 'lookup', inputSchema: { type: 'object', properties: { q: { type: 'string' } } } }],
  maxOutputTokens: 99,
  stream: false,
};

const whole = () => testCallContext({ wholeAnswer: true });

describe('OpenAI adapters: answers taken whole', () => {
  let fake: RunningFake<OpenAIFakeScenario>;
  const openai = createOpenAIAdapter();
  const compatible = createOpenAICompatibleAdapter();
  const account = () => testAccount({ provider: 'openai', baseUrl: fake.url });
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  it('declare that they can, OpenAI-compatible accounts included', () => {
    expect(openai.wholeAnswers).toBe(true);
    expect(compatible.wholeAnswers).toBe(true);
  });

  const reply: OpenAIFakeScenario = {
    kind: 'reply',
    parts: [
      { type: 'text', text: 'Checking' },
      { type: 'tool_call', id: 'call_7', name: 'lookup', arguments: '{"q":"weather"}' },
    ],
    usage: { prompt_tokens: 50, completion_tokens: 10, cached_tokens: 32 },
  };

  it.each([
    { wholeAnswer: true, stream: false, accept: 'application/json' },
    { wholeAnswer: false, stream: true, accept: 'text/event-stream' },
  ])('asks with stream: $stream when wholeAnswer is $wholeAnswer, and reads the same answer', async ({ wholeAnswer, stream, accept }) => {
    fake.enqueue(reply);
    const result = await collectStream(openai.stream(request, 'gpt-upstream', account(), testCallContext({ wholeAnswer })));
    expect(result).toEqual({
      id: expect.stringMatching(/^chatcmpl-fake/),
      content: [
        { type: 'text', text: 'Checking' },
        { type: 'tool-call', id: 'call_7', name: 'lookup', input: { q: 'weather' }, rawInput: '{"q":"weather"}' },
      ],
      finishReason: 'tool-calls',
      stopSequence: undefined,
      usage: { inputTokens: 18, outputTokens: 10, cacheReadTokens: 32, cacheWriteTokens: 0 },
    });
    const sent = fake.requests.at(-1)!;
    expect(sent.headers.accept).toBe(accept);
    expect(sent.body).toMatchObject({ model: 'gpt-upstream', stream, max_completion_tokens: 99 });
    // OpenAI rejects stream_options on a request that does not stream.
    if (stream) expect(sent.body).toMatchObject({ stream_options: { include_usage: true } });
    else expect(sent.body).not.toHaveProperty('stream_options');
  });

  it('reads reasoning_content from a compatible server whole', async () => {
    fake.enqueue({ kind: 'reply', parts: [{ type: 'reasoning', text: 'Let me think.' }, { type: 'text', text: 'Done' }] });
    const result = await collectStream(compatible.stream(request, 'deepseek-reasoner', account(), whole()));
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'Let me think.' },
      { type: 'text', text: 'Done' },
    ]);
    expect(fake.requests.at(-1)?.body).toMatchObject({ stream: false, max_tokens: 99 });
    expect(fake.requests.at(-1)?.body).not.toHaveProperty('stream_options');
  });

  it('reads an upstream that streams anyway as a stream', async () => {
    const sse = readFileSync(new URL('./__fixtures__/tool-call-after-text.sse', import.meta.url), 'utf8');
    fake.enqueue({ kind: 'error', status: 200, body: sse, headers: { 'content-type': 'text/event-stream' } });
    const result = await collectStream(openai.stream(request, 'm', account(), whole()));
    expect(result.content).toEqual([
      { type: 'text', text: 'Let me check the weather.' },
      { type: 'tool-call', id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', name: 'get_weather', input: { location: 'Paris, France' }, rawInput: '{"location":"Paris, France"}' },
    ]);
    expect(result.finishReason).toBe('tool-calls');
  });

  it.each([
    ['an HTML page', '<html>Bad gateway</html>', 'text/html'],
    ['JSON that is not a chat completion', JSON.stringify({ object: 'list', data: [] }), 'application/json'],
    ['an error despite the 200', JSON.stringify({ error: { message: 'overloaded', type: 'server_error' } }), 'application/json'],
    ['cut JSON', '{"id":"chatcmpl-1","choices":[{"index":0,"mess', 'application/json'],
  ])('refuses %s answered 200 before any event, retryably', async (_case, body, contentType) => {
    fake.enqueue({ kind: 'error', status: 200, body, headers: { 'content-type': contentType } });
    const failure = await collectStream(openai.stream(request, 'm', account(), whole())).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamUnavailableError);
    expect(failure).toMatchObject({ kind: 'upstream_unavailable', isRetryable: true, upstreamStatus: 200 });
  });

  it('throws an HTTP error as a typed error, as when streaming', async () => {
    fake.enqueue(openAIError(429, 'requests', 'Rate limit reached', { 'retry-after': '2' }, 'rate_limit_exceeded'));
    const failure = await collectStream(openai.stream(request, 'm', account(), whole())).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'upstream_rate_limited', retryAfterMs: 2_000 });
  });
});
