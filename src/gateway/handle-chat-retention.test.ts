import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../accounts/account-record.js';
import type { StreamEvent } from '../core/stream-event.js';
import type { PassthroughResponse, ProviderAdapter } from '../providers/provider-adapter.js';
import { providerNames, type ProviderName } from '../providers/provider-name.js';
import { defaultSettings } from '../settings/settings-schema.js';
import type { RequestLogEntry } from '../usage/request-log-entry.js';
import type { GatewayDeps } from './gateway-deps.js';
import { handleChat, type ChatInvocation } from './handle-chat.js';
import { jsonLinesRenderer } from './testing/create-pool-gateway.js';

/**
 * A coding agent's request is hundreds of kilobytes, parsed, and its answer may stream for minutes:
 * once the upstream has answered, nothing of the request may stay reachable from the open stream.
 */

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const account: AccountRecord = {
  id: 'a', name: 'a', provider: 'anthropic', enabled: true,
  upstream: { id: 'a', name: 'a', provider: 'anthropic', baseUrl: 'http://127.0.0.1:1', credentials: {}, settings: {} },
  requestsPerMinute: null, maxConcurrency: null, weight: 1, priority: 0, models: null,
  status: 'active', statusReason: null, statusChangedAt: null, cooldownUntil: null, lastError: null, lastErrorAt: null,
  balance: null, balanceThreshold: null, initialBalance: null,
};

const encoder = new TextEncoder();

/** An upstream answer that sends its first part at once and the rest when `end` is called. */
function heldOpen<T>(first: T[], last: T[]): { body: AsyncIterable<T>; end: () => void } {
  let end = (): void => undefined;
  const ended = new Promise<void>((resolve) => (end = resolve));
  return {
    body: (async function* () {
      yield* first;
      await ended;
      yield* last;
    })(),
    end: () => end(),
  };
}

function setup(adapter: ProviderAdapter) {
  const outcomes: RequestLogEntry[] = [];
  const dispatcher = new Agent();
  const deps: GatewayDeps = {
    logger: pino({ level: 'silent' }),
    settings: () => defaultSettings(),
    adapters: Object.fromEntries(providerNames.map((name) => [name, adapter])) as Record<ProviderName, ProviderAdapter>,
    acquire: async () => ({ account, release: async () => undefined }),
    dispatcherFor: () => dispatcher,
    saveCredentials: async () => undefined,
    acquireKeySlot: async () => null,
    reserveBudget: async () => null,
    recordOutcome: (entry) => void outcomes.push(entry),
  };
  return { deps, outcomes };
}

/** A large request, made here so that only the returned references reach it. */
function largeInvocation(passthrough: boolean): { invocation: ChatInvocation; parts: Array<WeakRef<object>> } {
  const messages = Array.from({ length: 200 }, (_, index) => ({ role: index % 2 ? 'assistant' : 'user', content: `${'x'.repeat(1000)} ${index}` }));
  const rawBody = { model: 'claude-x', messages, max_tokens: 100, stream: true };
  const rawBytes = encoder.encode(JSON.stringify(rawBody));
  const request = {
    model: 'claude-x',
    system: [],
    messages: messages.map((message) => ({ role: message.role as 'user' | 'assistant', content: [{ type: 'text' as const, text: message.content }] })),
    tools: [],
    stream: true,
  };
  const invocation: ChatInvocation = {
    request,
    rawBody,
    rawBytes,
    passthroughFormat: passthrough ? 'anthropic-messages' : undefined,
    apiKey: { id: 'key1', name: 'k', isAdmin: false, requestsPerMinute: null, requestsPerDay: null, allowedModels: null, budgets: null },
    clientHeaders: {},
    requestId: 'req1',
    signal: new AbortController().signal,
    clientIp: '127.0.0.1',
    userAgent: 'test',
    startedAt: Date.now(),
  };
  return { invocation, parts: [new WeakRef(rawBody), new WeakRef(rawBytes), new WeakRef(request)] };
}

/** Starts the call and hands back only the answer and weak references to the request's parts. */
async function start(deps: GatewayDeps, passthrough: boolean): Promise<{ response: Response; parts: Array<WeakRef<object>> }> {
  const { invocation, parts } = largeInvocation(passthrough);
  const response = await handleChat(invocation, jsonLinesRenderer, deps);
  return { response, parts };
}

async function collectedWhileOpen(parts: Array<WeakRef<object>>): Promise<boolean[]> {
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
  return parts.map((part) => part.deref() === undefined);
}

describe('what an open answer keeps of its request', () => {
  it('lets a passthrough request’s parsed body, bytes and canonical form go once the upstream has answered', async () => {
    const stream = heldOpen(
      [encoder.encode('event: message_start\ndata: {"type":"message_start","message":{"model":"claude-x","usage":{"input_tokens":5,"output_tokens":1}}}\n\n')],
      [encoder.encode('event: message_stop\ndata: {"type":"message_stop"}\n\n')],
    );
    const adapter: ProviderAdapter = {
      provider: 'anthropic',
      passthroughFormats: ['anthropic-messages'],
      stream: () => {
        throw new Error('not converted');
      },
      // The bytes are handed on, as the real adapters hand them to undici, and not kept.
      passthrough: async (input): Promise<PassthroughResponse> => {
        expect(input.bytes?.byteLength).toBeGreaterThan(200_000);
        return { status: 200, headers: { 'content-type': 'text/event-stream' }, body: stream.body };
      },
    };
    const { deps, outcomes } = setup(adapter);
    const { response, parts } = await start(deps, true);
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('message_start');
    expect(await collectedWhileOpen(parts)).toEqual([true, true, true]);
    stream.end();
    while (!(await reader.read()).done);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status: 'success', requestedModel: 'claude-x' });
  });

  it('lets a converted request’s parsed body, bytes and canonical form go once the adapter holds what it needs', async () => {
    const stream = heldOpen<StreamEvent>(
      [{ type: 'message-start', id: 'm1', usage: { inputTokens: 5 } }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Hi' }],
      [{ type: 'text-end', id: 't' }, { type: 'finish', reason: 'stop' }],
    );
    // Like a real adapter, this one reads the request when the call starts, and not afterwards.
    const adapter: ProviderAdapter = { provider: 'anthropic', stream: (request) => (expect(request.messages).toHaveLength(200), stream.body) };
    const { deps, outcomes } = setup(adapter);
    const { response, parts } = await start(deps, false);
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('message-start');
    expect(await collectedWhileOpen(parts)).toEqual([true, true, true]);
    stream.end();
    while (!(await reader.read()).done);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status: 'success', requestedModel: 'claude-x' });
  });
});
