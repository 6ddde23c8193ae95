import pino from 'pino';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../tests/support/collect-garbage.js';
import type { StreamEvent } from '../core/stream-event.js';
import type { PassthroughResponse, ProviderAdapter } from '../providers/provider-adapter.js';
import { providerNames, type ProviderName } from '../providers/provider-name.js';
import { makeAccount } from '../pool/testing/make-account.js';
import { defaultSettings } from '../settings/settings-schema.js';
import type { RequestLogEntry } from '../usage/request-log-entry.js';
import type { GatewayDeps } from './gateway-deps.js';
import { handleChat, type ChatInvocation } from './handle-chat.js';
import type { ParsedChatRequest } from './request-content.js';
import type { ChatRequest } from '../core/chat-request.js';
import { UpstreamUnavailableError } from '../core/errors/upstream-unavailable-error.js';
import { jsonLinesRenderer, poolInvocation } from './testing/create-pool-gateway.js';

/**
 * A coding agent's request is hundreds of kilobytes, parsed, and its answer may stream for minutes:
 * once the upstream has answered, nothing of the request may stay reachable from the open stream.
 */

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
    acquire: async () => ({ account: makeAccount('a'), release: async () => undefined }),
    dispatcherFor: () => dispatcher,
    saveCredentials: async () => undefined,
    acquireKeySlot: async () => null,
    reserveBudget: async () => null,
    recordOutcome: (entry) => void outcomes.push(entry),
  };
  return { deps, outcomes };
}

interface TestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream: boolean;
}

/** The canonical form of a test body, as a route's parser makes it. */
const canonicalOf = (body: TestBody): ChatRequest => ({
  model: body.model,
  system: [],
  messages: body.messages.map((message) => ({ role: message.role as 'user' | 'assistant', content: [{ type: 'text' as const, text: message.content }] })),
  tools: [],
  stream: body.stream,
});

/** A route's second reading of the bytes, counted. */
function counted(): { parseAgain: (bytes: Uint8Array) => ParsedChatRequest; count: () => number } {
  let count = 0;
  const parseAgain = (bytes: Uint8Array): ParsedChatRequest => {
    count += 1;
    const rawBody = JSON.parse(new TextDecoder().decode(bytes)) as TestBody;
    return { rawBody: rawBody as unknown as Record<string, unknown>, request: canonicalOf(rawBody) };
  };
  return { parseAgain, count: () => count };
}

/** A large request, made here so that only the returned references reach it. */
function largeInvocation(passthrough: boolean, parseAgain?: ChatInvocation['parseAgain']): { invocation: ChatInvocation; parts: Array<WeakRef<object>> } {
  const messages = Array.from({ length: 200 }, (_, index) => ({ role: index % 2 ? 'assistant' : 'user', content: `${'x'.repeat(1000)} ${index}` }));
  const rawBody = { model: 'claude-x', messages, max_tokens: 100, stream: true };
  const rawBytes = encoder.encode(JSON.stringify(rawBody));
  const request = canonicalOf(rawBody);
  const invocation: ChatInvocation = {
    ...poolInvocation({ stream: true, format: 'anthropic-messages' }),
    request,
    rawBody,
    rawBytes,
    parseAgain,
    passthroughFormat: passthrough ? 'anthropic-messages' : undefined,
  };
  return { invocation, parts: [new WeakRef(rawBody), new WeakRef(rawBytes), new WeakRef(request)] };
}

/** An adapter that only forwards same-format requests, each through `passthrough`. */
const forwardingAdapter = (passthrough: NonNullable<ProviderAdapter['passthrough']>): ProviderAdapter => ({
  provider: 'anthropic',
  passthroughFormats: ['anthropic-messages'],
  stream: () => {
    throw new Error('not converted');
  },
  passthrough,
});

/** An upstream call held open: `reached` once it has started, and it goes on when `open` is called. */
function heldCall(): { started: () => void; reached: Promise<void>; answered: Promise<void>; open: () => void } {
  let started!: () => void;
  const reached = new Promise<void>((resolve) => (started = resolve));
  let open!: () => void;
  const answered = new Promise<void>((resolve) => (open = resolve));
  return { started, reached, answered, open };
}

/** Starts the call and hands back only the answer and weak references to the request's parts. */
async function start(deps: GatewayDeps, passthrough: boolean): Promise<{ response: Response; parts: Array<WeakRef<object>> }> {
  const { invocation, parts } = largeInvocation(passthrough);
  const response = await handleChat(invocation, jsonLinesRenderer, deps);
  return { response, parts };
}

async function collectedWhileOpen(parts: Array<WeakRef<object>>): Promise<boolean[]> {
  await collectGarbage();
  return parts.map((part) => part.deref() === undefined);
}

/**
 * Reads the answer's first part, checks that the request is gone while the answer is still open, then
 * lets the upstream finish and checks that the request was logged.
 */
async function expectGoneWhileOpen(
  started: { response: Response; parts: Array<WeakRef<object>> },
  firstPart: string,
  finishUpstream: () => void,
  outcomes: RequestLogEntry[],
): Promise<void> {
  const reader = started.response.body!.getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toContain(firstPart);
  expect(await collectedWhileOpen(started.parts)).toEqual([true, true, true]);
  finishUpstream();
  while (!(await reader.read()).done);
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]).toMatchObject({ status: 'success', requestedModel: 'claude-x' });
}

describe('what an open answer keeps of its request', () => {
  it('lets a passthrough request’s parsed body, bytes and canonical form go once the upstream has answered', async () => {
    const stream = heldOpen(
      [encoder.encode('event: message_start\ndata: {"type":"message_start","message":{"model":"claude-x","usage":{"input_tokens":5,"output_tokens":1}}}\n\n')],
      [encoder.encode('event: message_stop\ndata: {"type":"message_stop"}\n\n')],
    );
    // The bytes are handed on, as the real adapters hand them to undici, and not kept.
    const adapter = forwardingAdapter(async (input): Promise<PassthroughResponse> => {
      expect(input.bytes?.byteLength).toBeGreaterThan(200_000);
      return { status: 200, headers: { 'content-type': 'text/event-stream' }, body: stream.body };
    });
    const { deps, outcomes } = setup(adapter);
    await expectGoneWhileOpen(await start(deps, true), 'message_start', stream.end, outcomes);
  });

  it('lets a converted request’s parsed body, bytes and canonical form go once the adapter holds what it needs', async () => {
    const stream = heldOpen<StreamEvent>(
      [{ type: 'message-start', id: 'm1', usage: { inputTokens: 5 } }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Hi' }],
      [{ type: 'text-end', id: 't' }, { type: 'finish', reason: 'stop' }],
    );
    // Like a real adapter, this one reads the request when the call starts, and not afterwards.
    const adapter: ProviderAdapter = { provider: 'anthropic', stream: (request) => (expect(request.messages).toHaveLength(200), stream.body) };
    const { deps, outcomes } = setup(adapter);
    await expectGoneWhileOpen(await start(deps, false), 'message-start', stream.end, outcomes);
  });
});

/**
 * Starts a held call whose acquire, as the pool does before its first round trip to Redis, names the accounts
 * that may serve the request, then notes which of the request's parts the collector could take meanwhile.
 */
function startSelecting(deps: GatewayDeps) {
  const selection = { parts: [] as Array<WeakRef<object>>, collected: [] as boolean[] };
  const lease = deps.acquire;
  deps.acquire = async (input) => {
    input.beforeRoundTrips?.([makeAccount('a'), makeAccount('b')]);
    selection.collected = await collectedWhileOpen(selection.parts);
    return lease(input);
  };
  const reading = counted();
  const { pending, parts } = startHeld(deps, reading.parseAgain);
  selection.parts = parts;
  return { pending, selection, reading };
}

/** A passthrough answer of one start and one stop event. */
function shortAnswer(): PassthroughResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
    body: (async function* () {
      yield encoder.encode('event: message_start\ndata: {"type":"message_start","message":{"model":"claude-x","usage":{"input_tokens":5,"output_tokens":1}}}\n\n');
      yield encoder.encode('event: message_stop\ndata: {"type":"message_stop"}\n\n');
    })(),
  };
}

/** Starts the call without holding its request here: only the pending answer and weak references come back. */
function startHeld(deps: GatewayDeps, parseAgain: ChatInvocation['parseAgain'], passthrough = true): { pending: Promise<Response>; parts: Array<WeakRef<object>> } {
  const { invocation, parts } = largeInvocation(passthrough, parseAgain);
  return { pending: handleChat(invocation, jsonLinesRenderer, deps), parts };
}

describe('what a request waiting for its upstream keeps', () => {
  it('lets the parsed body and canonical form go while the upstream works on the client’s bytes', async () => {
    const call = heldCall();
    const adapter = forwardingAdapter(async (input): Promise<PassthroughResponse> => {
      expect(input.bytes?.byteLength).toBeGreaterThan(200_000);
      call.started();
      await call.answered;
      return shortAnswer();
    });
    const { deps, outcomes } = setup(adapter);
    const reading = counted();
    const { pending, parts } = startHeld(deps, reading.parseAgain);
    await call.reached;
    // The bytes stay (they are what a failover would send); the parsed forms do not.
    expect(await collectedWhileOpen(parts)).toEqual([true, false, true]);
    call.open();
    const text = await (await pending).text();
    expect(text).toContain('message_stop');
    expect(reading.count()).toBe(0);
    expect(outcomes[0]).toMatchObject({ status: 'success', requestedModel: 'claude-x' });
  });

  it('lets a converted request’s parsed forms go while the upstream works, once the adapter has read them', async () => {
    const call = heldCall();
    async function* events(): AsyncGenerator<StreamEvent> {
      call.started();
      await call.answered;
      yield* [{ type: 'message-start', id: 'm1', usage: { inputTokens: 5 } }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Hi' }, { type: 'text-end', id: 't' }, { type: 'finish', reason: 'stop' }] satisfies StreamEvent[];
    }
    // Like a real adapter, this one builds its upstream body from the request when the call starts, and keeps only that.
    const adapter: ProviderAdapter = { provider: 'anthropic', stream: (request) => (expect(request.messages).toHaveLength(200), events()) };
    const { deps, outcomes } = setup(adapter);
    const reading = counted();
    const { pending, parts } = startHeld(deps, reading.parseAgain, false);
    await call.reached;
    expect(await collectedWhileOpen(parts)).toEqual([true, false, true]);
    call.open();
    expect(await (await pending).text()).toContain('message-start');
    expect(reading.count()).toBe(0);
    expect(outcomes[0]).toMatchObject({ status: 'success', requestedModel: 'claude-x' });
  });

  it('lets the parsed forms go during the pool’s round trips to a shared state when every account would take the bytes', async () => {
    const { deps, outcomes } = setup(forwardingAdapter(async (input) => (expect(input.bytes?.byteLength).toBeGreaterThan(200_000), shortAnswer())));
    const { pending, selection, reading } = startSelecting(deps);
    expect(await (await pending).text()).toContain('message_stop');
    expect(selection.collected).toEqual([true, false, true]);
    // Forwarded as the bytes: never parsed again.
    expect(reading.count()).toBe(0);
    expect(outcomes[0]).toMatchObject({ status: 'success', requestedModel: 'claude-x' });
  });

  it('keeps them during those round trips when an account would convert the request, which would parse it again', async () => {
    const adapter: ProviderAdapter = { provider: 'anthropic', stream: () => (async function* (): AsyncGenerator<StreamEvent> {
      yield* [{ type: 'message-start', id: 'm1', usage: { inputTokens: 5 } }, { type: 'finish', reason: 'stop' }] satisfies StreamEvent[];
    })() };
    const { pending, selection, reading } = startSelecting(setup(adapter).deps);
    expect(await (await pending).text()).toContain('message-start');
    expect(selection.collected).toEqual([false, false, false]);
    expect(reading.count()).toBe(0);
  });

  it('reads the bytes again for the next account when the first fails after letting the request go', async () => {
    const sent: Array<{ bytes?: Uint8Array; messages: number }> = [];
    // As the real adapters do, the request is read when the call starts; then the upstream works.
    const adapter = forwardingAdapter(async (input): Promise<PassthroughResponse> => {
      sent.push({ bytes: input.bytes, messages: (input.body.messages as unknown[]).length });
      await collectGarbage();
      if (sent.length === 1) throw new UpstreamUnavailableError('overloaded', { upstreamStatus: 529 });
      return shortAnswer();
    });
    const { deps, outcomes } = setup(adapter);
    let leases = 0;
    deps.acquire = async () => ({ account: makeAccount(`a${(leases += 1)}`), release: async () => undefined });
    const reading = counted();
    const { pending } = startHeld(deps, reading.parseAgain);
    expect(await (await pending).text()).toContain('message_stop');
    expect(sent.map((call) => call.messages)).toEqual([200, 200]);
    expect(sent[1]!.bytes).toBe(sent[0]!.bytes);
    // Parsed once more, for the second account, and not before it was needed.
    expect(reading.count()).toBe(1);
    expect(outcomes[0]!.attempts?.map((attempt) => attempt.outcome)).toEqual(['error', 'success']);
  });

  it('reads the bytes again for a converted request’s next account', async () => {
    const seen: number[] = [];
    async function* failing(): AsyncGenerator<StreamEvent> {
      await collectGarbage();
      throw new UpstreamUnavailableError('overloaded', { upstreamStatus: 529 });
    }
    async function* answering(): AsyncGenerator<StreamEvent> {
      yield* [{ type: 'message-start', id: 'm1', usage: { inputTokens: 5 } }, { type: 'finish', reason: 'stop' }] satisfies StreamEvent[];
    }
    const adapter: ProviderAdapter = { provider: 'anthropic', stream: (request) => (seen.push(request.messages.length), seen.length === 1 ? failing() : answering()) };
    const { deps, outcomes } = setup(adapter);
    let leases = 0;
    deps.acquire = async () => ({ account: makeAccount(`a${(leases += 1)}`), release: async () => undefined });
    const reading = counted();
    const { pending } = startHeld(deps, reading.parseAgain, false);
    expect(await (await pending).text()).toContain('message-start');
    expect(seen).toEqual([200, 200]);
    expect(reading.count()).toBe(1);
    expect(outcomes[0]!.attempts?.map((attempt) => attempt.outcome)).toEqual(['error', 'success']);
  });
});
