import pino from 'pino';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../accounts/account-record.js';
import type { ChatRequest } from '../core/chat-request.js';
import type { ChatResult } from '../core/chat-result.js';
import { InvalidRequestError } from '../core/errors/invalid-request-error.js';
import { NoAccountAvailableError } from '../core/errors/no-account-available-error.js';
import { UpstreamRateLimitedError } from '../core/errors/upstream-rate-limited-error.js';
import type { StreamEvent } from '../core/stream-event.js';
import { waiting } from '../core/render-frames.js';
import type { ProviderAdapter } from '../providers/provider-adapter.js';
import { providerNames, type ProviderName } from '../providers/provider-name.js';
import { defaultSettings } from '../settings/settings-schema.js';
import type { ClientRenderer } from './client-renderer.js';
import type { RequestLogEntry } from '../usage/request-log-entry.js';
import type { GatewayDeps } from './gateway-deps.js';
import { handleChat, type ChatInvocation } from './handle-chat.js';
import { acquireKeySlot } from '../limits/acquire-key-slot.js';
import { createMemoryConcurrencyLimiter } from '../limits/memory-concurrency-limiter.js';
import type { BudgetReservation } from '../usage/budgets/budget-reservation.js';

const account = (id: string, provider: ProviderName = 'anthropic'): AccountRecord => ({
  id, name: id, provider, enabled: true,
  upstream: { id, name: id, provider, baseUrl: 'http://127.0.0.1:1', credentials: {}, settings: {} },
  requestsPerMinute: null, maxConcurrency: null, weight: 1, priority: 0, models: null,
  status: 'active', statusReason: null, statusChangedAt: null, cooldownUntil: null, lastError: null, lastErrorAt: null,
  balance: null, balanceThreshold: null, initialBalance: null,
});

const textEvents: StreamEvent[] = [
  { type: 'message-start', id: 'm1', usage: { inputTokens: 10 } },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Hello' },
  { type: 'text-end', id: 't' },
  { type: 'usage', usage: { outputTokens: 3 } },
  { type: 'finish', reason: 'stop' },
];

/** A renderer that writes the canonical events as JSON lines, so assertions see exactly what flowed. */
const renderer: ClientRenderer = {
  format: 'openai',
  frames: () =>
    function* (events) {
      try {
        for (const event of events) yield event === waiting ? waiting : `${JSON.stringify(event.type === 'error' ? { type: 'error' } : event)}\n`;
      } catch (error) {
        yield `${JSON.stringify({ type: 'thrown', message: (error as Error).message })}\n`;
      }
    },
  renderResult: (result: ChatResult, model: string) => ({ model, result }),
};

function setup(script: Record<string, () => AsyncIterable<StreamEvent>>, accounts = Object.keys(script).map((id) => account(id))) {
  const outcomes: RequestLogEntry[] = [];
  const releases: Array<{ id: string; ok: boolean }> = [];
  const tried: string[] = [];
  const adapter: ProviderAdapter = {
    provider: 'anthropic',
    stream: (_request, _model, upstream) => script[upstream.id]!(),
  };
  const adapters = Object.fromEntries(providerNames.map((name) => [name, adapter])) as Record<ProviderName, ProviderAdapter>;
  const dispatcher = new Agent();
  const deps: GatewayDeps = {
    logger: pino({ level: 'silent' }),
    settings: () => ({ ...defaultSettings(), model_mappings: { 'gpt-4': 'claude-sonnet-4.5' } }),
    adapters,
    acquire: async ({ exclude }) => {
      const next = accounts.find((candidate) => !exclude?.has(candidate.id));
      if (!next) throw new NoAccountAvailableError('No account serves this model.');
      tried.push(next.id);
      return { account: next, release: async (outcome) => void releases.push({ id: next.id, ok: outcome.ok }) };
    },
    dispatcherFor: () => dispatcher,
    saveCredentials: async () => undefined,
    acquireKeySlot: async () => null,
    reserveBudget: async () => null,
    recordOutcome: (outcome, reservation) => {
      outcomes.push(outcome);
      if (reservation) settled.push(reservation);
    },
  };
  const settled: BudgetReservation[] = [];
  return { deps, outcomes, releases, tried, settled };
}

const invocation = (request: Partial<ChatRequest> = {}): ChatInvocation => ({
  request: { model: 'gpt-4', system: [], messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [], stream: false, ...request },
  rawBody: {},
  passthroughFormat: 'openai-chat',
  apiKey: { id: 'key1', name: 'k', isAdmin: false, requestsPerMinute: null, requestsPerDay: null, allowedModels: null, budgets: null },
  clientHeaders: {},
  requestId: 'req1',
  signal: new AbortController().signal,
  clientIp: '127.0.0.1',
  userAgent: 'test',
  startedAt: Date.now(),
});

async function* replay(events: StreamEvent[]): AsyncGenerator<StreamEvent> {
  for (const event of events) yield event;
}
async function* failing(error: Error): AsyncGenerator<StreamEvent> {
  throw error;
}

describe('handleChat', () => {
  it('answers a non-streaming call with the requested model name and records usage', async () => {
    const { deps, outcomes, releases } = setup({ a: () => replay(textEvents) });
    const response = await handleChat(invocation(), renderer, deps);
    const body = (await response.json()) as { model: string; result: ChatResult };
    expect(body.model).toBe('gpt-4');
    expect(body.result.content).toEqual([{ type: 'text', text: 'Hello' }]);
    expect(releases).toEqual([{ id: 'a', ok: true }]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status: 'success', upstreamModel: 'claude-sonnet-4.5', requestedModel: 'gpt-4', httpStatus: 200 });
    expect(outcomes[0]!.usage).toMatchObject({ inputTokens: 10, outputTokens: 3 });
    expect(outcomes[0]!.ttftMs).not.toBeNull();
  });

  it('fails over to the next account on a retryable error before the first byte', async () => {
    const { deps, outcomes, releases, tried } = setup({
      a: () => failing(new UpstreamRateLimitedError('slow down', { retryAfterMs: 1000 })),
      b: () => replay(textEvents),
    });
    const response = await handleChat(invocation({ stream: true }), renderer, deps);
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(lines.map((line) => line.type)).toEqual(textEvents.map((event) => event.type));
    expect(tried).toEqual(['a', 'b']);
    expect(releases).toEqual([{ id: 'a', ok: false }, { id: 'b', ok: true }]);
    expect(outcomes[0]).toMatchObject({ status: 'success', accountId: 'b' });
  });

  it('does not fail over on a 400, and reports it', async () => {
    const { deps, outcomes, tried } = setup({ a: () => failing(new InvalidRequestError('Input is too long.')), b: () => replay(textEvents) });
    await expect(handleChat(invocation(), renderer, deps)).rejects.toThrow('Input is too long.');
    expect(tried).toEqual(['a']);
    expect(outcomes[0]).toMatchObject({ status: 'error', httpStatus: 400, errorType: 'invalid_request' });
  });

  it('reports the last upstream failure when every account failed', async () => {
    const limited = () => failing(new UpstreamRateLimitedError('busy', { retryAfterMs: 5000 }));
    const { deps, tried } = setup({ a: limited, b: limited });
    const error = await handleChat(invocation(), renderer, deps).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamRateLimitedError);
    expect(tried).toEqual(['a', 'b']);
  });

  it('hands a mid-stream failure to the renderer and records an error', async () => {
    async function* cut(): AsyncGenerator<StreamEvent> {
      yield* replay(textEvents.slice(0, 3));
      throw new Error('socket closed');
    }
    const { deps, outcomes, releases } = setup({ a: cut });
    const response = await handleChat(invocation({ stream: true }), renderer, deps);
    const text = await response.text();
    expect(text).toContain('"thrown"');
    expect(releases).toEqual([{ id: 'a', ok: false }]);
    expect(outcomes[0]).toMatchObject({ status: 'error' });
  });

  it('refuses models outside the key allow-list with 403', async () => {
    const { deps, tried } = setup({ a: () => replay(textEvents) });
    const call = invocation();
    call.apiKey = { ...call.apiKey, allowedModels: ['claude-*'] };
    await expect(handleChat(call, renderer, deps)).rejects.toMatchObject({ status: 403 });
    expect(tried).toEqual([]);
  });

  it('stops the upstream when the client goes away mid-stream', async () => {
    let stopped = false;
    async function* endless(): AsyncGenerator<StreamEvent> {
      try {
        yield { type: 'message-start', id: 'm' };
        yield { type: 'text-start', id: 't' };
        for (;;) {
          yield { type: 'text-delta', id: 't', delta: 'x' };
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      } finally {
        stopped = true;
      }
    }
    const { deps, outcomes } = setup({ a: endless });
    const response = await handleChat(invocation({ stream: true }), renderer, deps);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(true);
    expect(outcomes[0]).toMatchObject({ status: 'error', errorType: 'client_closed' });
  });

  it('records every attempt and files the failure under the last account tried', async () => {
    const limited = () => failing(new UpstreamRateLimitedError('busy', { retryAfterMs: 5000, upstreamStatus: 429 }));
    const recovered = setup({ a: limited, b: () => replay(textEvents) });
    await handleChat(invocation(), renderer, recovered.deps);
    expect(recovered.outcomes[0]).toMatchObject({ accountId: 'b', provider: 'anthropic' });
    expect(recovered.outcomes[0]!.attempts).toEqual([
      { account_id: 'a', provider: 'anthropic', outcome: 'error', error_type: 'upstream_rate_limited', http_status: 429 },
      { account_id: 'b', provider: 'anthropic', outcome: 'success' },
    ]);
    const failed = setup({ a: limited, b: limited });
    await handleChat(invocation(), renderer, failed.deps).catch(() => undefined);
    expect(failed.outcomes[0]).toMatchObject({ status: 'error', accountId: 'b', provider: 'anthropic' });
    expect(failed.outcomes[0]!.attempts!.map((attempt) => `${attempt.account_id}:${attempt.outcome}`)).toEqual(['a:error', 'b:error']);
  });

  it('releases the key concurrency slot and settles the budget hold on every path', async () => {
    async function* cut(): AsyncGenerator<StreamEvent> {
      yield* replay(textEvents.slice(0, 3));
      throw new Error('socket closed');
    }
    async function* endless(): AsyncGenerator<StreamEvent> {
      yield* replay(textEvents.slice(0, 3));
      for (;;) {
        yield { type: 'text-delta', id: 't', delta: 'x' };
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    const limiter = createMemoryConcurrencyLimiter();
    const paths: Array<[string, () => AsyncIterable<StreamEvent>, (response: Response) => Promise<unknown>, boolean]> = [
      ['success', () => replay(textEvents), (response) => response.text(), false],
      ['error before the first byte', () => failing(new InvalidRequestError('Input is too long.')), async () => undefined, false],
      ['stream cut', cut, (response) => response.text(), true],
      ['client abort', endless, async (response) => {
        const reader = response.body!.getReader();
        await reader.read();
        await reader.cancel();
      }, true],
    ];
    for (const [name, script, consume, stream] of paths) {
      const { deps, outcomes, settled } = setup({ a: script });
      const holds: BudgetReservation[] = [];
      deps.acquireKeySlot = (apiKey, signal) => acquireKeySlot(limiter, apiKey, { defaultQueueTimeoutMs: 0, signal });
      deps.reserveBudget = async () => {
        const hold: BudgetReservation = { settle: () => undefined };
        holds.push(hold);
        return hold;
      };
      const call = invocation({ stream });
      call.apiKey = { ...call.apiKey, maxConcurrency: 1 };
      const response = await handleChat(call, renderer, deps).catch(() => undefined);
      if (response) await consume(response);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await limiter.usage('key:key1'), name).toEqual({ active: 0, waiting: 0 });
      expect(outcomes, name).toHaveLength(1);
      expect(settled, name).toEqual(holds);
    }
  });

  it('refuses a key over max_concurrency with 429 and retry-after once its queue timeout passes, and logs it', async () => {
    const limiter = createMemoryConcurrencyLimiter();
    const { deps, outcomes, tried } = setup({ a: () => replay(textEvents) });
    deps.acquireKeySlot = (apiKey, signal) => acquireKeySlot(limiter, apiKey, { defaultQueueTimeoutMs: 50, signal });
    const held = await limiter.acquire({ key: 'key:key1', limit: 1, timeoutMs: 0 });
    const call = invocation();
    call.apiKey = { ...call.apiKey, maxConcurrency: 1 };
    const startedAt = Date.now();
    const error = await handleChat(call, renderer, deps).catch((caught: unknown) => caught);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(45);
    expect(error).toMatchObject({ status: 429, kind: 'rate_limited', retryAfterMs: 1000 });
    expect(tried).toEqual([]);
    expect(outcomes[0]).toMatchObject({ status: 'error', httpStatus: 429, errorType: 'rate_limited' });
    if (held.acquired) held.slot.release();
  });

  it('names the model the client asked for in errors, not the mapped one', async () => {
    const { deps, outcomes } = setup({});
    deps.acquire = async ({ model }) => {
      throw new NoAccountAvailableError(`No account is available for model "${model}".`);
    };
    const error = await handleChat(invocation(), renderer, deps).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('No account is available for model "gpt-4".');
    expect(outcomes[0]!.errorMessage).toBe('No account is available for model "gpt-4".');
  });

  it('names the requested model in an error that comes mid-stream', async () => {
    async function* cut(): AsyncGenerator<StreamEvent> {
      yield* replay(textEvents.slice(0, 3));
      yield { type: 'error', error: new InvalidRequestError('claude-sonnet-4.5 refused the rest.') };
    }
    const { deps, outcomes } = setup({ a: cut });
    const response = await handleChat(invocation({ stream: true }), renderer, deps);
    await response.text();
    expect(outcomes[0]!.errorMessage).toBe('gpt-4 refused the rest.');
  });
});
