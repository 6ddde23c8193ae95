import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type RunningFake } from '../../tests/fakes/anthropic-fake.js';
import { anthropicText, type AnthropicFakeScenario } from '../../tests/fakes/anthropic-fake-scenario.js';
import { openAIText, type OpenAIFakeScenario } from '../../tests/fakes/openai-fake-scenario.js';
import { startFakeOpenAI } from '../../tests/fakes/openai-fake.js';
import { createOpenAIAdapter } from '../providers/openai/openai-adapter.js';
import { makeAccount } from '../pool/testing/make-account.js';
import { handleChat } from './handle-chat.js';
import { createPoolGateway, jsonLinesRenderer, poolInvocation } from './testing/create-pool-gateway.js';

/** The text of a JSON-lines canonical stream. */
export const deltasOf = (text: string): string =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; delta?: string })
    .filter((event) => event.type === 'text-delta')
    .map((event) => event.delta)
    .join('');

const accountAt = (id: string, baseUrl: string, priority: number) =>
  makeAccount(id, { priority, upstream: { id, name: id, provider: 'anthropic', baseUrl, credentials: { api_key: 'test-key' }, settings: {} } });

describe('per-attempt timeout: a hung upstream is failed over', () => {
  let hung: RunningFake<AnthropicFakeScenario>;
  let healthy: RunningFake<AnthropicFakeScenario>;
  beforeAll(async () => {
    [hung, healthy] = await Promise.all([startFakeAnthropic(), startFakeAnthropic()]);
  });
  afterAll(async () => {
    await Promise.all([hung.close(), healthy.close()]);
  });

  it('gives the first account its attempt timeout, then answers from the second, and cools the hanging one for 30 s', async () => {
    hung.enqueue({ ...(anthropicText('never sent') as Extract<AnthropicFakeScenario, { kind: 'reply' }>), delayMs: 60_000 });
    const gateway = createPoolGateway({
      accounts: [accountAt('hangs', hung.url, 10), accountAt('works', healthy.url, 0)],
      settings: { first_byte_timeout_ms: 10_000, attempt_timeout_ms: 1_000 },
    });
    const started = Date.now();
    const response = await handleChat(poolInvocation({ stream: true, format: 'openai-chat' }), jsonLinesRenderer, gateway.deps);
    const text = await response.text();
    const elapsed = Date.now() - started;
    expect(deltasOf(text)).toBe('Hello from the fake.');
    expect(elapsed).toBeLessThan(3_000);
    expect(gateway.outcomes[0]).toMatchObject({ status: 'success', accountId: 'works' });
    const cooled = gateway.store.get('hangs')!;
    expect(cooled.status).toBe('cooling');
    expect(cooled.statusReason).toContain('timed out');
    expect((cooled.cooldownUntil ?? 0) - Date.now()).toBeGreaterThan(25_000);
    expect(gateway.store.get('works')!.status).toBe('active');
  }, 15_000);

  it('never blames an account for a wait on a local connection', async () => {
    // One connection to the host, held by another stream: the call waits on our side.
    const oneConnection = new Agent({ connections: 1 });
    healthy.enqueue({ ...(anthropicText('held') as Extract<AnthropicFakeScenario, { kind: 'reply' }>), hangAfterEvents: 2 });
    const holder = await request(`${healthy.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'x', stream: true, messages: [] }),
      dispatcher: oneConnection,
    });
    const gateway = createPoolGateway({
      accounts: [accountAt('busy-host', healthy.url, 0)],
      settings: { first_byte_timeout_ms: 1_500, attempt_timeout_ms: 1_000 },
      dispatcherFor: () => oneConnection,
    });
    const error = await handleChat(poolInvocation({ stream: true, format: 'openai-chat' }), jsonLinesRenderer, gateway.deps).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'timeout', blamesAccount: false });
    expect(gateway.store.get('busy-host')!.status).toBe('active');
    holder.body.destroy();
    await oneConnection.destroy();
  }, 10_000);
});

describe('converted answers taken whole', () => {
  let upstream: RunningFake<AnthropicFakeScenario>;
  beforeAll(async () => {
    upstream = await startFakeAnthropic();
  });
  afterAll(() => upstream.close());

  const converted = (maxOutputTokens: number | undefined) => {
    const invocation = poolInvocation({ stream: false, format: 'openai-chat' });
    return { ...invocation, request: { ...invocation.request, maxOutputTokens } };
  };
  const sentStream = () => (upstream.requests.at(-1)!.body as { stream?: boolean }).stream;
  const textOf = async (response: Response) => {
    const { result } = (await response.json()) as { result: { content: Array<{ type: string; text?: string }> } };
    return result.content.map((part) => part.text ?? '').join('');
  };

  it('asks the upstream for a short answer unstreamed, and waits past the attempt timeout for it', async () => {
    upstream.enqueue({ ...(anthropicText('whole') as Extract<AnthropicFakeScenario, { kind: 'reply' }>), delayMs: 1_500 });
    const gateway = createPoolGateway({ accounts: [accountAt('one', upstream.url, 0)], settings: { first_byte_timeout_ms: 10_000, attempt_timeout_ms: 1_000 } });
    const response = await handleChat(converted(64), jsonLinesRenderer, gateway.deps);
    expect(await textOf(response)).toBe('whole');
    expect(sentStream()).toBe(false);
    expect(gateway.outcomes[0]).toMatchObject({ status: 'success', accountId: 'one' });
  }, 10_000);

  it.each([
    ['no length cap', undefined],
    ['more tokens than a slow model writes before the deadline', 4_000],
  ])('streams from the upstream and collects when the answer has %s', async (_case, maxOutputTokens) => {
    const gateway = createPoolGateway({ accounts: [accountAt('one', upstream.url, 0)], settings: { first_byte_timeout_ms: 120_000 } });
    const response = await handleChat(converted(maxOutputTokens), jsonLinesRenderer, gateway.deps);
    expect(await textOf(response)).toBe('Hello from the fake.');
    expect(sentStream()).toBe(true);
  });

  it('fails a malformed whole answer over to the next account', async () => {
    const broken = await startFakeAnthropic();
    broken.enqueue({ kind: 'error', status: 200, body: '<html>gateway</html>', headers: { 'content-type': 'text/html' } });
    const gateway = createPoolGateway({ accounts: [accountAt('broken', broken.url, 10), accountAt('works', upstream.url, 0)] });
    const response = await handleChat(converted(64), jsonLinesRenderer, gateway.deps);
    expect(await textOf(response)).toBe('Hello from the fake.');
    expect(gateway.outcomes[0]).toMatchObject({ status: 'success', accountId: 'works' });
    await broken.close();
  });

  it('asks an OpenAI upstream for a short answer unstreamed too', async () => {
    const openai = await startFakeOpenAI();
    try {
      openai.enqueue({ ...(openAIText('whole') as Extract<OpenAIFakeScenario, { kind: 'reply' }>), delayMs: 1_500 });
      const account = makeAccount('one', { provider: 'openai', upstream: { id: 'one', name: 'one', provider: 'openai', baseUrl: openai.url, credentials: { api_key: 'k' }, settings: {} } });
      const gateway = createPoolGateway({ accounts: [account], adapter: createOpenAIAdapter(), settings: { first_byte_timeout_ms: 10_000, attempt_timeout_ms: 1_000 } });
      // An Anthropic-format call to an OpenAI account is converted, not passed through.
      const invocation = poolInvocation({ stream: false, format: 'anthropic-messages' });
      const response = await handleChat({ ...invocation, request: { ...invocation.request, maxOutputTokens: 64 } }, jsonLinesRenderer, gateway.deps);
      expect(await textOf(response)).toBe('whole');
      expect(openai.requests.at(-1)!.body).toMatchObject({ stream: false });
      expect(openai.requests.at(-1)!.body).not.toHaveProperty('stream_options');
      expect(gateway.outcomes[0]).toMatchObject({ status: 'success', accountId: 'one' });
    } finally {
      await openai.close();
    }
  }, 10_000);
});
