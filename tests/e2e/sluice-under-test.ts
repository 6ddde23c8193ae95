import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { fakeScenarios, startFakeAmazonQ, type FakeAmazonQ } from '../fakes/amazonq-fake.js';
import { startFakeAmp, type AmpFake } from '../fakes/amp-fake.js';
import { startFakeAnthropic, type RunningFake } from '../fakes/anthropic-fake.js';
import type { AnthropicFakeScenario } from '../fakes/anthropic-fake-scenario.js';
import { startFakeOpenAI } from '../fakes/openai-fake.js';
import { fakeGeminiKey, startFakeGemini } from '../fakes/gemini-fake.js';
import type { GeminiFakeScenario } from '../fakes/gemini-fake-scenario.js';
import type { OpenAIFakeScenario } from '../fakes/openai-fake-scenario.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import type { TestContextOptions } from '../support/create-test-context.js';

/** Every account type the matrix covers, each serving one model so routing is deterministic. */
export const providerCases = ['anthropic', 'openai', 'openai-compatible', 'amp', 'amazonq', 'kiro', 'gemini'] as const;
export type ProviderCase = (typeof providerCases)[number];
export const modelFor = (provider: ProviderCase): string => `claude-via-${provider}`;

export interface ToolCallScript {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

/** Sluice on a real socket, with one account per provider on fake upstreams speaking each wire format. */
export interface SluiceUnderTest {
  harness: TestApp;
  url: string;
  anthropic: RunningFake<AnthropicFakeScenario>;
  openai: RunningFake<OpenAIFakeScenario>;
  amp: AmpFake;
  amazonq: FakeAmazonQ;
  gemini: RunningFake<GeminiFakeScenario>;
  accountIds: Record<ProviderCase, string>;
  /** The bodies of the calls the fake behind `provider` received, oldest first, as text. */
  upstreamBodies(provider: ProviderCase): string[];
  /** Queues a text answer on the fake behind `provider`. */
  scriptText(provider: ProviderCase, text: string): void;
  /** Queues tool calls (after optional text) on the fake behind `provider`. */
  scriptToolCalls(provider: ProviderCase, calls: ToolCallScript[], textBefore?: string): void;
  close(): Promise<void>;
}

export async function startSluiceUnderTest(options: TestContextOptions = {}): Promise<SluiceUnderTest> {
  const [anthropic, openai, amp, amazonq, gemini] = await Promise.all([startFakeAnthropic(), startFakeOpenAI(), startFakeAmp(), startFakeAmazonQ(), startFakeGemini()]);
  const harness = await createTestApp(options);
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: harness.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts: Record<ProviderCase, Record<string, unknown>> = {
    anthropic: { provider: 'anthropic', api_key: 'sk-ant-test', base_url: anthropic.url },
    openai: { provider: 'openai', api_key: 'sk-openai-test', base_url: openai.url },
    'openai-compatible': { provider: 'openai-compatible', api_key: 'sk-compatible-test', base_url: openai.url },
    amp: { provider: 'amp', api_key: 'sgamp_user_test', base_url: amp.url },
    amazonq: { provider: 'amazonq', refresh_token: 'aor-test', client_id: 'client', client_secret: 'secret', base_url: amazonq.url, auth_url: amazonq.url },
    kiro: { provider: 'kiro', refresh_token: 'aor-kiro', auth_method: 'social', base_url: amazonq.url, auth_url: amazonq.url },
    gemini: { provider: 'gemini', api_key: fakeGeminiKey, base_url: gemini.url },
  };
  const accountIds = {} as Record<ProviderCase, string>;
  for (const provider of providerCases) {
    const response = await harness.request('POST', '/admin/accounts', { name: `${provider} account`, models: [modelFor(provider)], ...accounts[provider] });
    if (response.status !== 201) throw new Error(`creating the ${provider} account failed: ${await response.text()}`);
    accountIds[provider] = ((await response.json()) as { id: string }).id;
  }

  const anthropicScript = (provider: ProviderCase) => (provider === 'amp' ? amp.anthropic : anthropic);
  return {
    harness,
    url,
    anthropic,
    openai,
    amp,
    amazonq,
    gemini,
    accountIds,
    upstreamBodies(provider) {
      switch (provider) {
        case 'amazonq':
        case 'kiro':
          return amazonq.chatRequests().map((request) => JSON.stringify(request.body));
        case 'openai':
        case 'openai-compatible':
          return openai.requests.map((request) => request.rawBody);
        case 'amp':
          return [...amp.anthropic.requests, ...amp.openai.requests].map((request) => request.rawBody);
        case 'gemini':
          return gemini.requests.map((request) => request.rawBody);
        case 'anthropic':
          return anthropic.requests.map((request) => request.rawBody);
        default: {
          const unreachable: never = provider;
          return unreachable;
        }
      }
    },
    scriptText(provider, text) {
      if (provider === 'gemini') return gemini.enqueue({ kind: 'reply', parts: [{ type: 'text', text }], usage: { prompt: 12, candidates: 5 } });
      if (provider === 'amazonq' || provider === 'kiro') return amazonq.enqueue(fakeScenarios.text(text));
      if (provider === 'openai' || provider === 'openai-compatible') {
        return openai.enqueue({ kind: 'reply', parts: [{ type: 'text', text }], usage: { prompt_tokens: 12, completion_tokens: 5 } });
      }
      anthropicScript(provider).enqueue({ kind: 'reply', content: [{ type: 'text', text }], usage: { input_tokens: 12, output_tokens: 5 } });
    },
    scriptToolCalls(provider, calls, textBefore) {
      if (provider === 'gemini') {
        return gemini.enqueue({
          kind: 'reply',
          parts: [...(textBefore ? [{ type: 'text' as const, text: textBefore }] : []), ...calls.map((call) => ({ type: 'call' as const, id: call.id, name: call.name, args: call.input }))],
          usage: { prompt: 20, candidates: 9 },
        });
      }
      if (provider === 'amazonq' || provider === 'kiro') return amazonq.enqueue(fakeScenarios.toolCalls(calls, textBefore));
      if (provider === 'openai' || provider === 'openai-compatible') {
        return openai.enqueue({
          kind: 'reply',
          parts: [
            ...(textBefore ? [{ type: 'text' as const, text: textBefore }] : []),
            ...calls.map((call) => ({ type: 'tool_call' as const, id: call.id, name: call.name, arguments: JSON.stringify(call.input) })),
          ],
          finishReason: 'tool_calls',
          usage: { prompt_tokens: 20, completion_tokens: 9 },
        });
      }
      anthropicScript(provider).enqueue({
        kind: 'reply',
        content: [
          ...(textBefore ? [{ type: 'text' as const, text: textBefore }] : []),
          ...calls.map((call) => ({ type: 'tool_use' as const, id: call.id, name: call.name, input: call.input })),
        ],
        stopReason: 'tool_use',
        usage: { input_tokens: 20, output_tokens: 9 },
      });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await harness.close();
      await Promise.all([anthropic.close(), openai.close(), amp.close(), amazonq.close(), gemini.close()]);
    },
  };
}
