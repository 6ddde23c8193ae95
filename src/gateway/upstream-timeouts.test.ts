import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type RunningFake } from '../../tests/fakes/anthropic-fake.js';
import { anthropicText, type AnthropicFakeScenario } from '../../tests/fakes/anthropic-fake-scenario.js';
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
