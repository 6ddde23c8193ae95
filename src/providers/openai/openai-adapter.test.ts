import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAIError, openAIText, type OpenAIFakeScenario } from '../../../tests/fakes/openai-fake-scenario.js';
import { startFakeOpenAI, type RunningFake } from '../../../tests/fakes/openai-fake.js';
import type { ChatRequest } from '../../core/chat-request.js';
import { collectStream } from '../../core/collect-stream.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { relayWithUsage } from '../../../tests/support/relay-with-usage.js';
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

describe('OpenAI adapters against the fake', () => {
  let fake: RunningFake<OpenAIFakeScenario>;
  const openai = createOpenAIAdapter();
  const compatible = createOpenAICompatibleAdapter();
  const account = () => testAccount({ provider: 'openai', baseUrl: `${fake.url}/`, userAgent: 'Sluice-Test/2.0', settings: { headers: { 'x-org': 'acme' } } });
  const clientHeaders = { 'anthropic-beta': 'some-beta', 'anthropic-version': '2023-06-01' };
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  it('streams text and tool calls with bearer auth, the upstream model and no Anthropic headers', async () => {
    fake.enqueue({
      kind: 'reply',
      parts: [
        { type: 'text', text: 'Checking' },
        { type: 'tool_call', id: 'call_7', name: 'lookup', arguments: '{"q":"weather"}' },
      ],
      usage: { prompt_tokens: 50, completion_tokens: 10, cached_tokens: 32, credits: 0.5 },
    });
    const result = await collectStream(openai.stream(request, 'gpt-upstream', account(), testCallContext({ clientHeaders })));
    expect(result.content).toEqual([
      { type: 'text', text: 'Checking' },
      { type: 'tool-call', id: 'call_7', name: 'lookup', input: { q: 'weather' }, rawInput: '{"q":"weather"}' },
    ]);
    expect(result.usage).toEqual({ inputTokens: 18, outputTokens: 10, cacheReadTokens: 32, cacheWriteTokens: 0, credits: 0.5 });
    const sent = fake.requests.at(-1);
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers).toMatchObject({ authorization: 'Bearer sk-test-secret-key', 'user-agent': 'Sluice-Test/2.0', 'x-org': 'acme' });
    expect(sent?.headers).not.toHaveProperty('anthropic-beta');
    expect(sent?.headers).not.toHaveProperty('anthropic-version');
    expect(sent?.headers).not.toHaveProperty('x-api-key');
    expect(sent?.body).toMatchObject({ model: 'gpt-upstream', stream: true, stream_options: { include_usage: true }, max_completion_tokens: 99 });
  });

  it.each([false, true])('sends max_tokens and reads reasoning_content for compatible servers (answer taken whole: %s)', async (wholeAnswer) => {
    fake.enqueue({ kind: 'reply', parts: [{ type: 'reasoning', text: 'Let me think.' }, { type: 'text', text: 'Done' }] });
    const result = await collectStream(compatible.stream(request, 'deepseek-reasoner', account(), testCallContext({ wholeAnswer })));
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'Let me think.' },
      { type: 'text', text: 'Done' },
    ]);
    expect(fake.requests.at(-1)?.body).toMatchObject({ max_tokens: 99, stream: !wholeAnswer });
  });

  it('buffers tool arguments that arrive before the name', async () => {
    fake.enqueue({ kind: 'reply', parts: [{ type: 'tool_call', id: 'call_x', name: 'lookup', arguments: '{"q":"a long argument"}' }], argumentsBeforeName: true });
    const result = await collectStream(compatible.stream(request, 'm', account(), testCallContext()));
    expect(result.content).toEqual([{ type: 'tool-call', id: 'call_x', name: 'lookup', input: { q: 'a long argument' }, rawInput: '{"q":"a long argument"}' }]);
  });

  it.each([
    { scenario: openAIError(429, 'insufficient_quota', 'You exceeded your current quota.', {}, 'insufficient_quota'), kind: 'quota_exhausted', retryAfterMs: undefined },
    {
      scenario: openAIError(429, 'requests', 'Rate limit reached', { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1m0s' }, 'rate_limit_exceeded'),
      kind: 'upstream_rate_limited',
      retryAfterMs: 60_000,
    },
    { scenario: openAIError(401, 'invalid_request_error', 'Incorrect API key provided: sk-test-secret-key.', {}, 'invalid_api_key'), kind: 'credential_invalid', retryAfterMs: undefined },
    { scenario: openAIError(400, 'invalid_request_error', "This model's maximum context length is 8192 tokens.", {}, 'context_length_exceeded'), kind: 'invalid_request', retryAfterMs: undefined },
    { scenario: openAIError(503, 'server_error', 'The engine is currently overloaded'), kind: 'upstream_unavailable', retryAfterMs: undefined },
  ])('throws $kind', async ({ scenario, kind, retryAfterMs }) => {
    fake.enqueue(scenario);
    const failure = await collectStream(openai.stream(request, 'm', account(), testCallContext())).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind, retryAfterMs });
    expect(String((failure as Error).message)).not.toContain('sk-test-secret-key');
  });

  it('ends with a typed error event when the upstream sends an error chunk mid-stream', async () => {
    fake.enqueue({ kind: 'reply', parts: [{ type: 'text', text: 'Partial answer here' }], errorAfterEvents: { afterEvents: 2, type: 'server_error', message: 'boom' } });
    const events = [];
    for await (const event of openai.stream(request, 'm', account(), testCallContext())) events.push(event);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'upstream_unavailable' } });
  });

  it('passes an OpenAI body through unchanged and taps the usage chunk', async () => {
    fake.enqueue(openAIText('passthrough', { prompt_tokens: 40, completion_tokens: 2, cached_tokens: 8 }));
    const body = { model: 'gpt-upstream', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Hi' }], metadata: { a: '1' } };
    const response = await openai.passthrough({ format: 'openai-chat', body }, account(), testCallContext({ clientHeaders }));
    const tap = relayWithUsage('openai-chat', response);
    const text = await tap.response.text();
    expect(text.trim().endsWith('data: [DONE]')).toBe(true);
    expect(await tap.usage).toEqual({ inputTokens: 32, outputTokens: 2, cacheReadTokens: 8, cacheWriteTokens: 0 });
    const sent = fake.requests.at(-1);
    expect(sent?.body).toEqual(body);
    expect(sent?.headers).not.toHaveProperty('anthropic-beta');
  });

  it('rejects Anthropic passthrough formats and lists models', async () => {
    await expect(openai.passthrough({ format: 'anthropic-messages', body: {} }, account(), testCallContext())).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(await openai.listModels(account(), testCallContext())).toEqual(['gpt-4o-mini']);
    expect(openai.passthroughFormats).toEqual(['openai-chat', 'openai-responses', 'openai-embeddings', 'openai-completions']);
  });

  it('relays Responses bodies to /responses: always on OpenAI, on a compatible server only when its account says so', async () => {
    expect(openai.canPassthrough?.('openai-responses', 'gpt-5', account())).toBe(true);
    const compatibleAccount = (supports?: boolean) => testAccount({ provider: 'openai-compatible', baseUrl: fake.url, settings: supports === undefined ? {} : { supports_responses: supports } });
    expect(compatible.canPassthrough?.('openai-responses', 'model', compatibleAccount())).toBe(false);
    expect(compatible.canPassthrough?.('openai-responses', 'model', compatibleAccount(false))).toBe(false);
    expect(compatible.canPassthrough?.('openai-responses', 'model', compatibleAccount(true))).toBe(true);
    expect(compatible.canPassthrough?.('openai-chat', 'model', compatibleAccount())).toBe(true);

    fake.enqueue(openAIText('Native.'));
    const upstream = await openai.passthrough({ format: 'openai-responses', body: { model: 'gpt-5', input: 'hi' } }, account(), testCallContext());
    const relayed = relayWithUsage('openai-responses', upstream);
    const body = JSON.parse(await relayed.response.text()) as { object: string; output: unknown[] };
    expect(await relayed.usage).toMatchObject({ inputTokens: 20, outputTokens: 9 });
    expect(fake.requests.at(-1)).toMatchObject({ path: '/v1/responses', body: { model: 'gpt-5', input: 'hi' } });
    expect(body).toMatchObject({ object: 'response', output: [expect.objectContaining({ type: 'message' })] });
  });

  describe('answers taken whole', () => {
    const whole = () => testCallContext({ wholeAnswer: true });

    it('declare that they can, OpenAI-compatible accounts included', () => {
      expect(openai.wholeAnswers).toBe(true);
      expect(compatible.wholeAnswers).toBe(true);
    });

    const toolReply: OpenAIFakeScenario = {
      kind: 'reply',
      parts: [
        { type: 'text', text: 'Checking' },
        { type: 'tool_call', id: 'call_7', name: 'lookup', arguments: '{"q":"weather"}' },
      ],
      usage: { prompt_tokens: 50, completion_tokens: 10, cached_tokens: 32 },
    };

    it('asks with stream: false and no stream_options (OpenAI rejects them unstreamed), and reads the same answer as streamed', async () => {
      const ask = async (wholeAnswer: boolean) => {
        fake.enqueue(toolReply);
        const result = await collectStream(openai.stream(request, 'gpt-upstream', account(), testCallContext({ wholeAnswer })));
        return { result: { ...result, id: '' }, sent: fake.requests.at(-1)! };
      };
      const streamed = await ask(false);
      const whole = await ask(true);
      expect(whole.result).toEqual(streamed.result);
      expect(whole.result.content.map((part) => part.type)).toEqual(['text', 'tool-call']);
      expect(whole.result.usage).toMatchObject({ inputTokens: 18, cacheReadTokens: 32 });
      expect(streamed.sent.headers.accept).toBe('text/event-stream');
      expect(streamed.sent.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
      expect(whole.sent.headers.accept).toBe('application/json');
      expect(whole.sent.body).toMatchObject({ model: 'gpt-upstream', stream: false, max_completion_tokens: 99 });
      expect(whole.sent.body).not.toHaveProperty('stream_options');
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
});
