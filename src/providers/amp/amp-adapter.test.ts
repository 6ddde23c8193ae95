import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAmp, type AmpFake } from '../../../tests/fakes/amp-fake.js';
import type { ChatRequest } from '../../core/chat-request.js';
import { collectStream } from '../../core/collect-stream.js';
import { testAccount, testCallContext } from '../http/test-call-context.js';
import { createAmpAdapter, isAmpAnthropicModel } from './amp-adapter.js';

const request: ChatRequest = {
  model: 'client-model',
  system: [],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  tools: [],
  stream: true,
};

describe('Amp adapter against the fake', () => {
  let fake: AmpFake;
  const adapter = createAmpAdapter();
  const apiKey = 'sgamp_user_01ABCDEFGHJKMNPQRSTVWXYZ012_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
  const account = () =>
    testAccount({ provider: 'amp', baseUrl: fake.url, credentials: { api_key: apiKey }, settings: { headers: { 'x-amp-feature': 'amp.chat' } } });
  beforeAll(async () => {
    fake = await startFakeAmp();
  });
  afterAll(() => fake.close());

  it.each([
    ['claude-sonnet-4-5', true],
    ['claude-opus-4-6', true],
    ['gpt-5', false],
    ['gemini-2.5-pro', false],
  ])('routes %s to the Anthropic route: %s', (model, expected) => {
    expect(isAmpAnthropicModel(model)).toBe(expected);
  });

  it('sends Claude models through the Anthropic route with both auth headers and reads credits', async () => {
    fake.anthropic.enqueue({ kind: 'reply', content: [{ type: 'text', text: 'From Claude' }], usage: { input_tokens: 5, output_tokens: 2, credits: 0.02 } });
    const context = testCallContext({ clientHeaders: { 'anthropic-beta': 'context-1m-2025-08-07' } });
    const result = await collectStream(adapter.stream(request, 'claude-sonnet-4-5', account(), context));
    expect(result.content).toEqual([{ type: 'text', text: 'From Claude' }]);
    expect(result.usage.credits).toBe(0.02);
    const sent = fake.anthropic.requests.at(-1);
    expect(sent?.path).toBe('/v1/messages');
    expect(sent?.headers).toMatchObject({
      'x-api-key': apiKey,
      authorization: `Bearer ${apiKey}`,
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'context-1m-2025-08-07',
      'x-amp-feature': 'amp.chat',
    });
  });

  it('sends other models through the OpenAI route without Anthropic headers', async () => {
    fake.openai.enqueue({ kind: 'reply', parts: [{ type: 'text', text: 'From GPT' }], usage: { prompt_tokens: 4, completion_tokens: 1, credits: 0.01 } });
    const context = testCallContext({ clientHeaders: { 'anthropic-beta': 'context-1m-2025-08-07' } });
    const result = await collectStream(adapter.stream(request, 'gpt-5', account(), context));
    expect(result.content).toEqual([{ type: 'text', text: 'From GPT' }]);
    expect(result.usage.credits).toBe(0.01);
    const sent = fake.openai.requests.at(-1);
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers).toMatchObject({ authorization: `Bearer ${apiKey}`, 'x-api-key': apiKey });
    expect(sent?.headers).not.toHaveProperty('anthropic-beta');
  });

  it.each([
    ['claude-sonnet-4-5', 'anthropic'],
    ['gpt-5', 'openai'],
  ] as const)('asks for a whole answer unstreamed on the route of %s when allowed, and reads its credits', async (model, route) => {
    if (route === 'anthropic') fake.anthropic.enqueue({ kind: 'reply', content: [{ type: 'text', text: 'Whole' }], usage: { input_tokens: 5, output_tokens: 2, credits: 0.02 } });
    else fake.openai.enqueue({ kind: 'reply', parts: [{ type: 'text', text: 'Whole' }], usage: { prompt_tokens: 4, completion_tokens: 1, credits: 0.02 } });
    const result = await collectStream(adapter.stream({ ...request, stream: false }, model, account(), testCallContext({ wholeAnswer: true })));
    expect(result.content).toEqual([{ type: 'text', text: 'Whole' }]);
    expect(result.usage.credits).toBe(0.02);
    expect((fake[route].requests.at(-1)?.body as { stream?: boolean }).stream).toBe(false);
  });

  it('passes both wire formats through on their routes', async () => {
    const anthropicResponse = await adapter.passthrough({ format: 'anthropic-messages', body: { model: 'claude-haiku-4-5', max_tokens: 5, messages: [] }, query: 'beta=true' }, account(), testCallContext());
    expect(await new Response(anthropicResponse.body).json()).toMatchObject({ type: 'message' });
    expect(fake.anthropic.requests.at(-1)?.path).toBe('/v1/messages?beta=true');
    const openAIResponse = await adapter.passthrough({ format: 'openai-chat', body: { model: 'gpt-5', messages: [] } }, account(), testCallContext());
    expect(await new Response(openAIResponse.body).json()).toMatchObject({ object: 'chat.completion' });
    expect(adapter.passthroughFormats).toEqual(['anthropic-messages', 'anthropic-count-tokens', 'openai-chat']);
  });

  it.each([
    ['anthropic-messages', 'claude-sonnet-4-5', true],
    ['anthropic-count-tokens', 'claude-sonnet-4-5', true],
    ['openai-chat', 'claude-sonnet-4-5', false],
    ['anthropic-messages', 'gpt-5', false],
    ['openai-chat', 'gpt-5', true],
  ] as const)('can pass %s through for %s: %s', (format, model, expected) => {
    expect(adapter.canPassthrough?.(format, model)).toBe(expected);
  });

  it('reads the balance from the display text', async () => {
    const balance = await adapter.fetchBalance(account(), testCallContext());
    expect(balance).toMatchObject({ remaining: 12.34, unit: 'USD', email: 'dev@example.com', source: 'upstream' });
    const sent = fake.internalRequests.at(-1);
    expect(sent?.path).toBe('/api/internal?userDisplayBalanceInfo');
    expect(sent?.body).toEqual({ method: 'userDisplayBalanceInfo', params: {} });
  });

  it('reports a rejected key as an invalid credential', async () => {
    const badAccount = testAccount({ provider: 'amp', baseUrl: fake.url, credentials: { api_key: 'not-an-amp-key' } });
    await expect(adapter.fetchBalance(badAccount, testCallContext())).rejects.toMatchObject({ kind: 'credential_invalid' });
    fake.setBalance({ kind: 'error', status: 401, body: { error: 'unauthorized' } });
    await expect(adapter.fetchBalance(account(), testCallContext())).rejects.toMatchObject({ kind: 'credential_invalid' });
  });

  it('enforces structured output the way each route’s vendor does', () => {
    expect(adapter.supportsResponseFormat?.('json-schema', 'claude-sonnet-4-5')).toBe(true);
    expect(adapter.supportsResponseFormat?.('json-object', 'claude-sonnet-4-5')).toBe(false);
    expect(adapter.supportsResponseFormat?.('json-schema', 'gpt-5')).toBe(true);
    expect(adapter.supportsResponseFormat?.('json-object', 'gpt-5')).toBe(true);
  });
});
