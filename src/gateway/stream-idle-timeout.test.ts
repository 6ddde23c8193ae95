import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type RunningFake } from '../../tests/fakes/anthropic-fake.js';
import { anthropicText, type AnthropicFakeScenario } from '../../tests/fakes/anthropic-fake-scenario.js';
import { startFakeOpenAI } from '../../tests/fakes/openai-fake.js';
import { openAIText, type OpenAIFakeScenario } from '../../tests/fakes/openai-fake-scenario.js';
import { makeAccount } from '../pool/testing/make-account.js';
import { createOpenAIAdapter } from '../providers/openai/openai-adapter.js';
import { handleChat } from './handle-chat.js';
import { createPoolGateway, jsonLinesRenderer, poolInvocation } from './testing/create-pool-gateway.js';

/** Sends message_start, a ping, a text block start and one delta, then nothing, holding the connection open. */
const stallsMidway = (): AnthropicFakeScenario => ({ ...(anthropicText('Hello from the fake.') as Extract<AnthropicFakeScenario, { kind: 'reply' }>), hangAfterEvents: 4 });

describe('stream idle timeout', () => {
  let upstream: RunningFake<AnthropicFakeScenario>;
  beforeAll(async () => {
    upstream = await startFakeAnthropic();
  });
  afterAll(async () => {
    await upstream.close();
  });

  const gatewayFor = () =>
    createPoolGateway({
      accounts: [makeAccount('stalls', { upstream: { id: 'stalls', name: 'stalls', provider: 'anthropic', baseUrl: upstream.url, credentials: { api_key: 'k' }, settings: {} } })],
      settings: { stream_idle_timeout_ms: 1_000 },
    });

  it('ends a converted stream that stalls mid-way with an error event and a strike against the account', async () => {
    upstream.enqueue(stallsMidway());
    const gateway = gatewayFor();
    const started = Date.now();
    const response = await handleChat(poolInvocation({ stream: true, format: 'openai-chat' }), jsonLinesRenderer, gateway.deps);
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as { type: string; message?: string });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lines.map((line) => line.type)).toContain('text-delta');
    expect(lines.at(-1)).toMatchObject({ type: 'error' });
    expect(lines.at(-1)!.message).toContain('stalled');
    expect(gateway.outcomes[0]).toMatchObject({ status: 'error', errorType: 'timeout', accountId: 'stalls' });
    expect(gateway.store.get('stalls')).toMatchObject({ status: 'cooling' });
  }, 10_000);

  it('ends a passthrough stream that stalls mid-way with an error event in its dialect and a strike', async () => {
    upstream.enqueue(stallsMidway());
    const gateway = gatewayFor();
    const started = Date.now();
    const response = await handleChat(poolInvocation({ stream: true, format: 'anthropic-messages' }), jsonLinesRenderer, gateway.deps);
    const text = await response.text();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(text).toContain('event: message_start');
    const last = text.trim().split('\n\n').at(-1)!;
    expect(last.startsWith('event: error\ndata: ')).toBe(true);
    const payload = JSON.parse(last.slice('event: error\ndata: '.length)) as { type: string; error: { type: string; message: string } };
    expect(payload.type).toBe('error');
    expect(payload.error.message).toContain('stalled');
    expect(gateway.outcomes[0]).toMatchObject({ status: 'error', errorType: 'timeout', accountId: 'stalls' });
    expect(gateway.store.get('stalls')).toMatchObject({ status: 'cooling' });
  }, 10_000);
});

describe('stream idle timeout, OpenAI passthrough', () => {
  let upstream: RunningFake<OpenAIFakeScenario>;
  beforeAll(async () => {
    upstream = await startFakeOpenAI();
  });
  afterAll(async () => {
    await upstream.close();
  });

  it('ends the stream with an OpenAI error chunk and [DONE]', async () => {
    upstream.enqueue({ ...(openAIText('Hello from the fake.') as Extract<OpenAIFakeScenario, { kind: 'reply' }>), hangAfterEvents: 2 });
    const gateway = createPoolGateway({
      accounts: [makeAccount('stalls', { provider: 'openai', upstream: { id: 'stalls', name: 'stalls', provider: 'openai', baseUrl: upstream.url, credentials: { api_key: 'k' }, settings: {} } })],
      settings: { stream_idle_timeout_ms: 1_000 },
      adapter: createOpenAIAdapter(),
    });
    const response = await handleChat(poolInvocation({ stream: true, format: 'openai-chat' }), jsonLinesRenderer, gateway.deps);
    const frames = (await response.text()).trim().split('\n\n');
    expect(frames.at(-1)).toBe('data: [DONE]');
    const error = JSON.parse(frames.at(-2)!.slice('data: '.length)) as { error: { message: string } };
    expect(error.error.message).toContain('stalled');
    expect(gateway.outcomes[0]).toMatchObject({ status: 'error', errorType: 'timeout' });
    expect(gateway.store.get('stalls')).toMatchObject({ status: 'cooling' });
  }, 10_000);
});
