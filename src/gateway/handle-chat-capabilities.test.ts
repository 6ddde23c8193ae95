import { Readable } from 'node:stream';
import pino from 'pino';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../accounts/account-record.js';
import type { ChatRequest } from '../core/chat-request.js';
import { InvalidRequestError } from '../core/errors/invalid-request-error.js';
import { NoAccountAvailableError } from '../core/errors/no-account-available-error.js';
import type { StreamEvent } from '../core/stream-event.js';
import type { ProviderAdapter } from '../providers/provider-adapter.js';
import { providerNames, type ProviderName } from '../providers/provider-name.js';
import { defaultSettings } from '../settings/settings-schema.js';
import type { RequestLogEntry } from '../usage/request-log-entry.js';
import type { ClientRenderer } from './client-renderer.js';
import type { GatewayDeps } from './gateway-deps.js';
import { handleChat, type ChatInvocation } from './handle-chat.js';

/** What the request path does with what an account can or cannot do: forward-only requests and structured output. */

const account = (id: string, provider: ProviderName): AccountRecord => ({
  id, name: id, provider, enabled: true,
  upstream: { id, name: id, provider, baseUrl: 'http://127.0.0.1:1', credentials: {}, settings: {} },
  requestsPerMinute: null, maxConcurrency: null, weight: 1, priority: 0, models: null,
  status: 'active', statusReason: null, statusChangedAt: null, cooldownUntil: null, lastError: null, lastErrorAt: null,
  balance: null, balanceThreshold: null, initialBalance: null,
});

const renderer: ClientRenderer = {
  format: 'openai',
  frames: () =>
    function* () {
      yield '';
    },
  renderResult: (result) => result,
};

async function* replay(events: StreamEvent[]): AsyncGenerator<StreamEvent> {
  yield* events;
}

function setup(accounts: AccountRecord[], adapters: Partial<Record<ProviderName, ProviderAdapter>>) {
  const outcomes: RequestLogEntry[] = [];
  const releases: Array<{ id: string; ok: boolean; error?: unknown }> = [];
  const tried: string[] = [];
  const fallback: ProviderAdapter = { provider: 'amazonq', stream: () => replay([]) };
  const deps: GatewayDeps = {
    logger: pino({ level: 'silent' }),
    settings: () => ({ ...defaultSettings(), max_failover_attempts: 2 }),
    adapters: Object.fromEntries(providerNames.map((name) => [name, adapters[name] ?? fallback])) as Record<ProviderName, ProviderAdapter>,
    acquire: async ({ exclude }) => {
      const next = accounts.find((candidate) => !exclude?.has(candidate.id));
      if (!next) throw new NoAccountAvailableError('No account serves this model.');
      tried.push(next.id);
      return { account: next, release: async (outcome) => void releases.push({ id: next.id, ok: outcome.ok, error: outcome.ok ? undefined : outcome.error }) };
    },
    dispatcherFor: () => new Agent(),
    saveCredentials: async () => undefined,
    acquireKeySlot: async () => null,
    reserveBudget: async () => null,
    recordOutcome: (outcome) => void outcomes.push(outcome),
  };
  return { deps, outcomes, releases, tried };
}

const invocation = (request: Partial<ChatRequest> = {}, extra: Partial<ChatInvocation> = {}): ChatInvocation => ({
  request: { model: 'm', system: [], messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [], stream: false, ...request },
  rawBody: { model: 'm', input: 'x' },
  passthroughFormat: 'openai-embeddings',
  apiKey: { id: 'key1', name: 'k', isAdmin: false, requestsPerMinute: null, requestsPerDay: null, allowedModels: null, budgets: null },
  clientHeaders: {},
  requestId: 'req1',
  signal: new AbortController().signal,
  clientIp: null,
  userAgent: null,
  startedAt: Date.now(),
  ...extra,
});

const converting: ProviderAdapter = { provider: 'anthropic', stream: () => replay([]) };
const forwarding: ProviderAdapter = {
  provider: 'openai',
  stream: () => replay([]),
  passthroughFormats: ['openai-embeddings'],
  passthrough: async () => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: Readable.from([Buffer.from(JSON.stringify({ object: 'list', data: [], usage: { prompt_tokens: 4, total_tokens: 4 } }))]),
  }),
};

describe('forward-only requests', () => {
  const refusal = new InvalidRequestError('No account serves this endpoint for the model m.', { field: 'model' });

  it('pass over accounts that cannot take them, without penalty and beyond the failover limit, to one that can', async () => {
    const accounts = [account('a1', 'anthropic'), account('a2', 'anthropic'), account('a3', 'anthropic'), account('o1', 'openai')];
    const { deps, outcomes, releases, tried } = setup(accounts, { anthropic: converting, openai: forwarding });
    const response = await handleChat(invocation({}, { passthroughOnly: refusal }), renderer, deps);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ object: 'list' });
    expect(tried).toEqual(['a1', 'a2', 'a3', 'o1']);
    // Each skipped account is released with a client-side refusal, which the health policy never penalises.
    expect(releases.slice(0, 3)).toEqual(['a1', 'a2', 'a3'].map((id) => ({ id, ok: false, error: refusal })));
    expect(outcomes[0]).toMatchObject({ accountId: 'o1', provider: 'openai', status: 'success', usage: { inputTokens: 4 } });
  });

  it('end in the given refusal, logged, when no account can take them', async () => {
    const { deps, outcomes } = setup([account('a1', 'anthropic'), account('q1', 'amazonq')], { anthropic: converting });
    await expect(handleChat(invocation({}, { passthroughOnly: refusal }), renderer, deps)).rejects.toBe(refusal);
    expect(outcomes[0]).toMatchObject({ status: 'error', httpStatus: 400, errorType: 'invalid_request' });
  });
});

describe('structured output by target capability', () => {
  const schema = { type: 'object', properties: { city: { type: 'string' } } };
  const responseFormat = { type: 'json-schema' as const, name: 'place', schema };

  it('a target without a native form gets one forced tool, and its call comes back as the answer text', async () => {
    const seen: ChatRequest[] = [];
    const adapter: ProviderAdapter = {
      provider: 'amazonq',
      stream: (request) => {
        seen.push(request);
        return replay([
          { type: 'message-start', id: 'm' },
          { type: 'tool-input-start', id: 't', name: 'structured_output' },
          { type: 'tool-input-delta', id: 't', delta: '{"city":"Paris"}' },
          { type: 'tool-input-end', id: 't' },
          { type: 'usage', usage: { outputTokens: 5 } },
          { type: 'finish', reason: 'tool-calls' },
        ]);
      },
    };
    const { deps } = setup([account('q1', 'amazonq')], { amazonq: adapter });
    const response = await handleChat(invocation({ responseFormat }, { passthroughFormat: 'openai-chat' }), renderer, deps);
    expect(await response.json()).toMatchObject({ content: [{ type: 'text', text: '{"city":"Paris"}' }], finishReason: 'stop' });
    expect(seen[0]?.responseFormat).toBeUndefined();
    expect(seen[0]?.tools).toEqual([expect.objectContaining({ name: 'structured_output', inputSchema: schema })]);
  });

  it('a target with a native form gets the response format as asked', async () => {
    const seen: ChatRequest[] = [];
    const adapter: ProviderAdapter = {
      provider: 'openai',
      supportsResponseFormat: () => true,
      stream: (request) => {
        seen.push(request);
        return replay([{ type: 'message-start', id: 'm' }, { type: 'text-start', id: 'x' }, { type: 'text-delta', id: 'x', delta: '{}' }, { type: 'text-end', id: 'x' }, { type: 'finish', reason: 'stop' }]);
      },
    };
    const { deps } = setup([account('o1', 'openai')], { openai: adapter });
    await handleChat(invocation({ responseFormat }, { passthroughFormat: 'anthropic-messages' }), renderer, deps);
    expect(seen[0]?.responseFormat).toEqual(responseFormat);
    expect(seen[0]?.tools).toEqual([]);
  });
});
