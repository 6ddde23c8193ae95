import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../tests/support/collect-garbage.js';
import { anthropicError, anthropicText, type AnthropicFakeScenario } from '../../../tests/fakes/anthropic-fake-scenario.js';
import { startFakeAnthropic, type RunningFake } from '../../../tests/fakes/anthropic-fake.js';
import type { ChatRequest } from '../../core/chat-request.js';
import { collectStream } from '../../core/collect-stream.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { relayWithUsage } from '../../../tests/support/relay-with-usage.js';
import { testAccount, testCallContext } from '../http/test-call-context.js';
import { createAnthropicAdapter } from './anthropic-adapter.js';

const request: ChatRequest = {
  model: 'client-model',
  system: [{ type: 'text', text: 'Be nice.' }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  tools: [],
  stream: true,
};

describe('Anthropic adapter against the fake', () => {
  let fake: RunningFake<AnthropicFakeScenario>;
  const adapter = createAnthropicAdapter();
  const account = () =>
    testAccount({ provider: 'anthropic', baseUrl: `${fake.url}/`, userAgent: 'Sluice-Test/1.0', settings: { headers: { 'x-extra': 'yes', 'x-api-key': 'ignored' } } });
  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });
  afterAll(() => fake.close());

  it('streams a reply with the account headers, the upstream model and the client beta header', async () => {
    fake.enqueue({
      kind: 'reply',
      content: [{ type: 'text', text: 'Hello!' }, { type: 'tool_use', id: 'toolu_9', name: 'lookup', input: { q: 'x' } }],
      usage: { input_tokens: 11, output_tokens: 5, cache_read_input_tokens: 100 },
    });
    const context = testCallContext({ clientHeaders: { 'anthropic-beta': 'prompt-caching-2024-07-31', 'anthropic-version': '2023-01-01' } });
    const result = await collectStream(adapter.stream(request, 'claude-upstream', account(), context));
    expect(result.content).toEqual([
      { type: 'text', text: 'Hello!' },
      { type: 'tool-call', id: 'toolu_9', name: 'lookup', input: { q: 'x' }, rawInput: '{"q":"x"}' },
    ]);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.usage).toEqual({ inputTokens: 11, outputTokens: 5, cacheReadTokens: 100, cacheWriteTokens: 0 });
    const sent = fake.requests.at(-1);
    expect(sent?.path).toBe('/v1/messages');
    expect(sent?.headers).toMatchObject({
      'x-api-key': 'sk-test-secret-key',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'prompt-caching-2024-07-31',
      'user-agent': 'Sluice-Test/1.0',
      'x-extra': 'yes',
    });
    expect(sent?.body).toMatchObject({ model: 'claude-upstream', stream: true, system: [{ type: 'text', text: 'Be nice.' }] });
  });

  it('reuses the keep-alive connection for consecutive streams', async () => {
    const dispatcher = new Agent({ connections: 1 });
    await collectStream(adapter.stream(request, 'm', account(), testCallContext({ dispatcher })));
    await collectStream(adapter.stream(request, 'm', account(), testCallContext({ dispatcher })));
    const [first, second] = fake.requests.slice(-2);
    expect(second?.remotePort).toBe(first?.remotePort);
    await dispatcher.close();
  });

  it.each([
    { scenario: anthropicError(429, 'rate_limit_error', 'Slow down', { 'retry-after': '7' }), kind: 'upstream_rate_limited', retryAfterMs: 7000 },
    { scenario: anthropicError(401, 'authentication_error', 'invalid x-api-key'), kind: 'credential_invalid', retryAfterMs: undefined },
    { scenario: anthropicError(402, 'billing_error', 'Payment required'), kind: 'quota_exhausted', retryAfterMs: undefined },
    { scenario: anthropicError(400, 'invalid_request_error', 'prompt is too long: 250000 tokens > 200000 maximum'), kind: 'invalid_request', retryAfterMs: undefined },
    { scenario: anthropicError(500, 'api_error', 'Internal'), kind: 'upstream_unavailable', retryAfterMs: undefined },
    { scenario: anthropicError(529, 'overloaded_error', 'Overloaded'), kind: 'upstream_unavailable', retryAfterMs: undefined },
  ])('throws $kind before yielding anything', async ({ scenario, kind, retryAfterMs }) => {
    fake.enqueue(scenario);
    const yielded: StreamEvent[] = [];
    const failure = await (async () => {
      for await (const event of adapter.stream(request, 'claude-upstream', account(), testCallContext())) yielded.push(event);
    })().catch((error: unknown) => error);
    expect(yielded).toEqual([]);
    expect(failure).toMatchObject({ kind, retryAfterMs });
    expect(String((failure as Error).message)).not.toContain('sk-test-secret-key');
  });

  it('throws when the stream is cut before any content, and ends with an error event when cut after', async () => {
    fake.enqueue({ ...(anthropicText('Hello there') as Extract<AnthropicFakeScenario, { kind: 'reply' }>), cutAfterEvents: 1 });
    await expect(collectStream(adapter.stream(request, 'm', account(), testCallContext()))).rejects.toMatchObject({ kind: 'upstream_unavailable' });

    fake.enqueue({ ...(anthropicText('Hello there, a long text') as Extract<AnthropicFakeScenario, { kind: 'reply' }>), cutAfterEvents: 5 });
    const events: StreamEvent[] = [];
    for await (const event of adapter.stream(request, 'm', account(), testCallContext())) events.push(event);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'upstream_unavailable' } });
    expect(events.filter((event) => event.type === 'text-end')).toHaveLength(1);
  });

  it('classifies a slow first byte past the headers timeout as a timeout', async () => {
    fake.enqueue({ ...(anthropicText('late') as Extract<AnthropicFakeScenario, { kind: 'reply' }>), delayMs: 2500 });
    const impatient = new Agent({ headersTimeout: 200 });
    const failure = await collectStream(adapter.stream(request, 'm', account(), testCallContext({ dispatcher: impatient }))).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'timeout', isRetryable: true });
    await impatient.close();
  });

  it('propagates a client abort to the upstream socket', async () => {
    fake.enqueue({ ...(anthropicText('never finishes') as Extract<AnthropicFakeScenario, { kind: 'reply' }>), hangAfterEvents: 4 });
    const controller = new AbortController();
    const iterator = adapter.stream(request, 'm', account(), testCallContext({ signal: controller.signal }))[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toMatchObject({ type: 'message-start' });
    controller.abort();
    const drain = async () => {
      for (let result = await iterator.next(); !result.done; result = await iterator.next());
    };
    await expect(drain()).rejects.toMatchObject({ name: 'AbortError' });
    await fake.clientClosed;
  });

  it('passes an Anthropic body through with the query, client version and beta headers, and taps its usage', async () => {
    fake.enqueue({ kind: 'reply', content: [{ type: 'text', text: 'passed' }], usage: { input_tokens: 3, output_tokens: 4, cache_creation_input_tokens: 9 } });
    const body = { model: 'claude-upstream', max_tokens: 50, stream: true, messages: [{ role: 'user', content: 'Hi' }], unknown_future_field: { a: 1 } };
    const context = testCallContext({ clientHeaders: { 'anthropic-version': '2023-06-01', 'anthropic-beta': 'interleaved-thinking-2025-05-14' } });
    const response = await adapter.passthrough({ format: 'anthropic-messages', body, query: 'beta=true' }, account(), context);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const tap = relayWithUsage('anthropic-messages', response);
    const text = await tap.response.text();
    expect(text).toContain('event: message_start');
    expect(await tap.usage).toEqual({ inputTokens: 3, outputTokens: 4, cacheReadTokens: 0, cacheWriteTokens: 9 });
    const sent = fake.requests.at(-1);
    expect(sent?.path).toBe('/v1/messages?beta=true');
    expect(sent?.body).toEqual(body);
    expect(sent?.headers['anthropic-beta']).toBe('interleaved-thinking-2025-05-14');
  });

  it('passes count_tokens through and throws typed errors for passthrough failures', async () => {
    const response = await adapter.passthrough({ format: 'anthropic-count-tokens', body: { model: 'm', messages: [] } }, account(), testCallContext());
    expect(await new Response(response.body).json()).toMatchObject({ input_tokens: expect.any(Number) });
    expect(fake.requests.at(-1)?.path).toBe('/v1/messages/count_tokens');
    fake.enqueue(anthropicError(429, 'rate_limit_error', 'Slow down', { 'retry-after': '2' }));
    await expect(adapter.passthrough({ format: 'anthropic-messages', body: { model: 'm' } }, account(), testCallContext())).rejects.toMatchObject({
      kind: 'upstream_rate_limited',
      retryAfterMs: 2000,
    });
  });

  it('taps usage from a non-streaming JSON passthrough', async () => {
    fake.enqueue(anthropicText('json', { input_tokens: 8, output_tokens: 2 }));
    const response = await adapter.passthrough({ format: 'anthropic-messages', body: { model: 'm', max_tokens: 5, messages: [] } }, account(), testCallContext());
    const tap = relayWithUsage('anthropic-messages', response);
    expect(await tap.response.json()).toMatchObject({ type: 'message' });
    expect(await tap.usage).toEqual({ inputTokens: 8, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0 });
  });

  it('lists models', async () => {
    expect(await adapter.listModels(account(), testCallContext())).toEqual(['claude-sonnet-4-5', 'claude-haiku-4-5']);
  });
  it('lets the request go once the call is made, while the answer still streams', async () => {
    fake.enqueue({ kind: 'reply', content: [{ type: 'text', text: 'Hello there' }], hangAfterEvents: 3 });
    const abort = new AbortController();
    // Made in a function of its own, so that only the adapter can reach the request.
    const { events, tracked } = (() => {
      const large: ChatRequest = { ...request, messages: Array.from({ length: 100 }, () => ({ role: 'user' as const, content: [{ type: 'text' as const, text: 'x'.repeat(2000) }] })) };
      return { events: adapter.stream(large, 'claude-upstream', account(), testCallContext({ signal: abort.signal }))[Symbol.asyncIterator](), tracked: new WeakRef(large) };
    })();
    expect((await events.next()).value).toMatchObject({ type: 'message-start' });
    await collectGarbage();
    expect(tracked.deref()).toBeUndefined();
    abort.abort();
    await events.return?.(undefined);
  });
});
