import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultFakeUsageLimits, fakeScenarios } from '../../../tests/fakes/amazonq-fake.js';
import type { ChatRequest } from '../../core/chat-request.js';
import { collectStream } from '../../core/collect-stream.js';
import { readEventBatches } from '../../core/event-batches.js';
import type { StreamEvent } from '../../core/stream-event.js';
import type { ProviderCallContext } from '../provider-adapter.js';
import type { AccountCredentials, UpstreamAccount } from '../upstream-account.js';
import { createAmazonQAdapter } from './amazonq-adapter.js';
import { useFakeAmazonQ } from './testing/use-fake-amazonq.js';
import type { GenerateAssistantResponseBody } from './amazonq-wire-types.js';
import { shortenToolName } from './shorten-tool-name.js';

const amazonq = useFakeAmazonQ();
const { dispatcher } = amazonq;
afterEach(() => {
  amazonq.fake.refresh = { mode: 'ok', rotate: false, expiresIn: 3600 };
});

let accountCounter = 0;
function makeAccount(provider: 'amazonq' | 'kiro', credentials: AccountCredentials = {}): UpstreamAccount {
  accountCounter += 1;
  return {
    id: `account-${accountCounter}`,
    name: `account ${accountCounter}`,
    provider,
    baseUrl: amazonq.fake.url,
    authUrl: amazonq.fake.url,
    credentials: provider === 'amazonq' ? { refresh_token: 'r', client_id: 'c', client_secret: 's', ...credentials } : { refresh_token: 'r', ...credentials },
    settings: {},
  };
}

function makeContext(overrides: Partial<ProviderCallContext> = {}) {
  const saved: Array<Partial<AccountCredentials>> = [];
  const context: ProviderCallContext = {
    requestId: 'request-1',
    signal: new AbortController().signal,
    logger: pino({ level: 'silent' }),
    dispatcher,
    warnings: [],
    saveCredentials: async (update) => void saved.push(update),
    clientHeaders: {},
    ...overrides,
  };
  return { context, saved };
}

const request = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'claude-sonnet-4-5-20250929',
  system: [],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  tools: [],
  stream: true,
  ...overrides,
});

async function events(iterable: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const all: StreamEvent[] = [];
  for await (const event of iterable) all.push(event);
  return all;
}

/** Request kinds since `before`, without the model-list read an account's first chat makes. */
const kindsSince = (before: number): string[] =>
  amazonq.fake.requests
    .slice(before)
    .map((recorded) => recorded.kind)
    .filter((kind) => kind !== 'list-models');

const lastChatBody = (): GenerateAssistantResponseBody => amazonq.fake.chatRequests().at(-1)?.body as GenerateAssistantResponseBody;

describe.each(['amazonq', 'kiro'] as const)('createAmazonQAdapter(%s) against the fake', (provider) => {
  const adapter = createAmazonQAdapter(provider);

  it('streams a text answer with usage, credits and a stop finish', async () => {
    amazonq.fake.enqueue(fakeScenarios.text(['Hello', ' there'], { credits: 0.25, contextUsagePercentage: 2 }));
    const { context, saved } = makeContext();
    const all = await events(adapter.stream(request(), 'claude-sonnet-4-5-20250929', makeAccount(provider), context));
    expect(all.map((event) => event.type)).toEqual(['message-start', 'text-start', 'text-delta', 'text-delta', 'text-end', 'usage', 'finish']);
    const usage = all.find((event) => event.type === 'usage');
    expect(usage).toMatchObject({ usage: { inputTokens: 3998, outputTokens: 2, credits: 0.25 } }); // 2 % of 200k, less the answer it covers
    expect(all.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(saved[0]).toMatchObject({ access_token: expect.stringMatching(/^fake-access-/) });
  });

  it('sends the flavour-specific request', async () => {
    const { context } = makeContext();
    await collectStream(adapter.stream(request(), 'claude-sonnet-4-5-20250929', makeAccount(provider), context));
    const recorded = amazonq.fake.chatRequests().at(-1)!;
    const body = lastChatBody();
    expect(body.conversationState.currentMessage.userInputMessage).toMatchObject({ content: 'Hi', modelId: 'claude-sonnet-4.5' });
    if (provider === 'amazonq') {
      expect(recorded.kind).toBe('chat-awsjson');
      expect(recorded.headers['content-type']).toBe('application/x-amz-json-1.0');
      expect(body.conversationState.currentMessage.userInputMessage.origin).toBe('CLI');
    } else {
      expect(recorded.kind).toBe('chat-restjson');
      expect(recorded.headers['content-type']).toBe('application/json');
      expect(body.conversationState.currentMessage.userInputMessage.origin).toBe('AI_EDITOR');
    }
    expect(recorded.headers.authorization).toMatch(/^Bearer fake-access-/);
  });

  it('collects tool calls (several, names restored) with a tool-calls finish', async () => {
    const longName = `mcp__files__${'read_'.repeat(14)}`;
    const upstreamName = shortenToolName(longName);
    amazonq.fake.enqueue(
      fakeScenarios.toolCalls(
        [
          { id: 'tooluse_1', name: 'Bash', input: { command: 'ls -la' } },
          { id: 'tooluse_2', name: upstreamName, input: { path: '/tmp/a.txt' } },
        ],
        'Let me look.',
      ),
    );
    const { context } = makeContext();
    const tools = [
      { name: 'Bash', inputSchema: { type: 'object', properties: { command: { type: 'string' } } } },
      { name: longName, inputSchema: { type: 'object', properties: { path: { type: 'string' } } } },
    ];
    const result = await collectStream(adapter.stream(request({ tools }), 'claude-sonnet-4.5', makeAccount(provider), context));
    expect(result.finishReason).toBe('tool-calls');
    expect(result.content).toEqual([
      { type: 'text', text: 'Let me look.' },
      { type: 'tool-call', id: 'tooluse_1', name: 'Bash', input: { command: 'ls -la' }, rawInput: '{"command":"ls -la"}' },
      { type: 'tool-call', id: 'tooluse_2', name: longName, input: { path: '/tmp/a.txt' }, rawInput: '{"path":"/tmp/a.txt"}' },
    ]);
  });

  it('splits <thinking> into reasoning when thinking was requested', async () => {
    amazonq.fake.enqueue(fakeScenarios.thinking('I should greet.', 'Hello!'));
    const { context } = makeContext();
    const result = await collectStream(
      adapter.stream(request({ reasoning: { mode: 'enabled', budgetTokens: 2000 } }), 'claude-sonnet-4.5', makeAccount(provider), context),
    );
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'I should greet.' },
      { type: 'text', text: 'Hello!' },
    ]);
    expect(JSON.stringify(lastChatBody())).toContain('<thinking_mode>enabled</thinking_mode>');
  });

  it('decodes frames split into tiny TCP writes', async () => {
    amazonq.fake.enqueue(fakeScenarios.tinyWrites(fakeScenarios.text(['Tiny ', 'writes ', 'work.']), 3));
    const { context } = makeContext();
    const result = await collectStream(adapter.stream(request(), 'claude-sonnet-4.5', makeAccount(provider), context));
    expect(result.content).toEqual([{ type: 'text', text: 'Tiny writes work.' }]);
  });

  it('hands on the events of every frame a body chunk holds as one batch', async () => {
    amazonq.fake.enqueue(fakeScenarios.text(['One ', 'write ', 'only.']));
    const { context } = makeContext();
    const batches = readEventBatches(adapter.stream(request(), 'claude-sonnet-4.5', makeAccount(provider), context));
    const seen: string[][] = [];
    for (let next = await batches.next(); !next.done; next = await batches.next()) seen.push(next.value.map((event) => event.type));
    // The fake writes the whole answer at once, so every frame comes in one read; the ending follows
    // when the body ends (only then is it known that no frame follows the usage frames).
    expect(seen).toEqual([
      ['message-start', 'text-start', 'text-delta', 'text-delta', 'text-delta'],
      ['text-end', 'usage', 'finish'],
    ]);
  });
});

describe('createAmazonQAdapter error policy', () => {
  const adapter = createAmazonQAdapter('kiro');
  const run = (account = makeAccount('kiro')) => collectStream(adapter.stream(request(), 'claude-sonnet-4.5', account, makeContext().context));

  it('429 → UpstreamRateLimitedError with retry-after, thrown before any event', async () => {
    amazonq.fake.enqueue(fakeScenarios.throttled(7));
    const iterator = adapter.stream(request(), 'claude-sonnet-4.5', makeAccount('kiro'), makeContext().context)[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ name: 'UpstreamRateLimitedError', retryAfterMs: 7000 });
  });

  it('402 → QuotaExhaustedError with the next monthly reset', async () => {
    amazonq.fake.enqueue(fakeScenarios.quotaExhausted());
    const now = new Date();
    await expect(run()).rejects.toMatchObject({ name: 'QuotaExhaustedError', resetAt: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) });
  });

  it('403 suspended → AccountSuspendedError without a refresh or retry', async () => {
    amazonq.fake.enqueue(fakeScenarios.suspended());
    const account = { ...makeAccount('kiro', { access_token: 'valid', access_token_expires_at: Date.now() + 3_600_000 }), settings: { profile_arn: 'arn:configured' } };
    const before = amazonq.fake.requests.length;
    await expect(run(account)).rejects.toMatchObject({ name: 'AccountSuspendedError' });
    expect(kindsSince(before)).toEqual(['chat-restjson']);
  });

  it('400 → InvalidRequestError with the upstream message', async () => {
    amazonq.fake.enqueue(fakeScenarios.inputTooLong());
    await expect(run()).rejects.toMatchObject({ name: 'InvalidRequestError', status: 400, message: 'Input is too long.' });
    amazonq.fake.enqueue(fakeScenarios.improperlyFormed());
    await expect(run()).rejects.toMatchObject({ name: 'InvalidRequestError', message: 'Improperly formed request.' });
  });

  it('5xx → UpstreamUnavailableError', async () => {
    amazonq.fake.enqueue(fakeScenarios.serverError());
    await expect(run()).rejects.toMatchObject({ name: 'UpstreamUnavailableError', isRetryable: true });
  });

  it('expired token: one forced refresh and one retry, then success', async () => {
    const account = { ...makeAccount('kiro', { access_token: 'stale-token', access_token_expires_at: Date.now() + 3_600_000 }), settings: { profile_arn: 'arn:configured' } };
    amazonq.fake.enqueue(fakeScenarios.bearerInvalid(), fakeScenarios.text('After refresh.'));
    const { context, saved } = makeContext();
    const result = await collectStream(adapter.stream(request(), 'claude-sonnet-4.5', account, context));
    expect(result.content).toEqual([{ type: 'text', text: 'After refresh.' }]);
    const chats = amazonq.fake.chatRequests().slice(-2);
    expect(chats[0]?.headers.authorization).toBe('Bearer stale-token');
    expect(chats[1]?.headers.authorization).toMatch(/^Bearer fake-access-/);
    expect(saved).toHaveLength(1);
  });

  it('a token rejected again after the refresh → non-refreshable CredentialInvalidError', async () => {
    amazonq.fake.enqueue(fakeScenarios.bearerInvalid(), fakeScenarios.bearerInvalid());
    await expect(run()).rejects.toMatchObject({ name: 'CredentialInvalidError', refreshable: false });
  });

  it('a revoked token is refreshed transparently', async () => {
    const account = makeAccount('kiro');
    await run(account);
    amazonq.fake.revokeAccessTokens();
    const result = await run(account);
    expect(result.finishReason).toBe('stop');
  });

  it('invalid_grant on refresh → CredentialInvalidError(refreshable: false) naming invalid_grant', async () => {
    amazonq.fake.refresh.mode = 'invalid_grant';
    await expect(run()).rejects.toMatchObject({ name: 'CredentialInvalidError', refreshable: false, message: expect.stringContaining('invalid_grant') });
  });

  it('persists a rotated refresh token and uses the social profile ARN', async () => {
    amazonq.fake.refresh = { mode: 'ok', rotate: true, expiresIn: 3600, profileArn: 'arn:aws:codewhisperer:us-east-1:1:profile/SOCIAL' };
    const { context, saved } = makeContext();
    await collectStream(adapter.stream(request(), 'claude-sonnet-4.5', makeAccount('kiro'), context));
    expect(saved[0]).toMatchObject({ refresh_token: expect.stringMatching(/^fake-refresh-/), access_token: expect.any(String) });
    expect(lastChatBody().profileArn).toBe('arn:aws:codewhisperer:us-east-1:1:profile/SOCIAL');
  });

  it('in-stream ThrottlingException → blocks closed, then an error event', async () => {
    amazonq.fake.enqueue(fakeScenarios.throttledMidStream());
    const all = await events(adapter.stream(request(), 'claude-sonnet-4.5', makeAccount('kiro'), makeContext().context));
    expect(all.map((event) => event.type)).toEqual(['message-start', 'text-start', 'text-delta', 'text-end', 'usage', 'error']);
    expect(all.at(-1)).toMatchObject({ error: { name: 'UpstreamRateLimitedError' } });
  });

  it('in-stream exception before any content → thrown, so the pool can fail over', async () => {
    amazonq.fake.enqueue({ frames: [{ exception: 'ThrottlingException', payload: { message: 'Too many requests' } }] });
    await expect(run()).rejects.toMatchObject({ name: 'UpstreamRateLimitedError' });
  });

  it('usage falls back to the local tokenizer when the upstream reports none', async () => {
    amazonq.fake.enqueue({ frames: [{ event: 'assistantResponseEvent', payload: { content: 'Hi!' } }, { event: 'unknownFutureEvent', payload: { x: 1 } }] });
    const result = await run();
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.credits).toBeUndefined();
    expect(result.content).toEqual([{ type: 'text', text: 'Hi!' }]);
  });

  it('in-stream ContentLengthExceededException → finish length', async () => {
    amazonq.fake.enqueue(fakeScenarios.lengthExceeded());
    expect((await run()).finishReason).toBe('length');
  });

  it('a stream cut mid-frame → UpstreamUnavailableError event after the text so far', async () => {
    amazonq.fake.enqueue(fakeScenarios.streamCut());
    const all = await events(adapter.stream(request(), 'claude-sonnet-4.5', makeAccount('kiro'), makeContext().context));
    expect(all.filter((event) => event.type === 'text-delta')).toEqual([{ type: 'text-delta', id: 'text-1', delta: 'Hello ' }]);
    expect(all.at(-1)).toMatchObject({ type: 'error', error: { name: 'UpstreamUnavailableError' } });
  });

  it('context usage of 100% → finish context-exceeded', async () => {
    amazonq.fake.enqueue(fakeScenarios.text('Full.', { contextUsagePercentage: 100 }));
    expect((await run()).finishReason).toBe('context-exceeded');
  });
});

describe('createAmazonQAdapter accounts and tokens', () => {
  it('refreshes a kiro idc account through OIDC and sends no profile ARN', async () => {
    amazonq.fake.refresh = { mode: 'ok', rotate: false, expiresIn: 3600, profileArn: 'arn:should-not-be-used' };
    const account = { ...makeAccount('kiro', { client_id: 'c', client_secret: 's' }), settings: { auth_method: 'idc' as const, profile_arn: 'arn:configured' } };
    const before = amazonq.fake.requests.length;
    await collectStream(createAmazonQAdapter('kiro').stream(request(), 'claude-sonnet-4.5', account, makeContext().context));
    expect(kindsSince(before)).toEqual(['oidc-token', 'chat-restjson']);
    expect(amazonq.fake.requests.filter((item) => item.kind === 'oidc-token').at(-1)?.body).toEqual({ clientId: 'c', clientSecret: 's', refreshToken: 'r', grantType: 'refresh_token' });
    expect(lastChatBody().profileArn).toBeUndefined();
  });

  it('a fresh social account sends the profile ARN of its first refresh to GetUsageLimits and ListAvailableModels', async () => {
    amazonq.fake.refresh = { mode: 'ok', rotate: false, expiresIn: 3600, profileArn: 'arn:aws:codewhisperer:us-east-1:1:profile/FIRST' };
    const adapter = createAmazonQAdapter('kiro');
    await adapter.fetchBalance!(makeAccount('kiro'), makeContext().context);
    expect(amazonq.fake.requests.filter((item) => item.kind === 'usage-limits').at(-1)?.path).toContain('profileArn=arn%3Aaws%3Acodewhisperer');
    await adapter.listModels!(makeAccount('kiro'), makeContext().context);
    expect(amazonq.fake.requests.filter((item) => item.kind === 'list-models').at(-1)?.path).toContain('profileArn=arn%3Aaws%3Acodewhisperer');
  });

  it('a social account with a stored, still valid access token learns its profile ARN before the first call', async () => {
    amazonq.fake.refresh = { mode: 'ok', rotate: false, expiresIn: 3600, profileArn: 'arn:aws:codewhisperer:us-east-1:1:profile/STORED' };
    const account = makeAccount('kiro', { access_token: 'stored-access', access_token_expires_at: Date.now() + 3_600_000 });
    await collectStream(createAmazonQAdapter('kiro').stream(request(), 'claude-sonnet-4.5', account, makeContext().context));
    expect(lastChatBody().profileArn).toBe('arn:aws:codewhisperer:us-east-1:1:profile/STORED');
  });

  it('a social account with a configured profile ARN keeps using its stored access token', async () => {
    const account = { ...makeAccount('kiro', { access_token: 'stored-access', access_token_expires_at: Date.now() + 3_600_000 }), settings: { profile_arn: 'arn:configured' } };
    const before = amazonq.fake.requests.length;
    await collectStream(createAmazonQAdapter('kiro').stream(request(), 'claude-sonnet-4.5', account, makeContext().context));
    expect(kindsSince(before)).toEqual(['chat-restjson']);
    expect(lastChatBody().profileArn).toBe('arn:configured');
  });

  it('runs one refresh for concurrent requests on a fresh account', async () => {
    const adapter = createAmazonQAdapter('amazonq');
    const account = makeAccount('amazonq');
    const before = amazonq.fake.requests.length;
    await Promise.all(Array.from({ length: 5 }, () => collectStream(adapter.stream(request(), 'claude-sonnet-4.5', account, makeContext().context))));
    const kinds = amazonq.fake.requests.slice(before).map((recorded) => recorded.kind);
    expect(kinds.filter((kind) => kind === 'oidc-token')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'chat-awsjson')).toHaveLength(5);
  });

  it('uses the quota reset time learnt from usage limits', async () => {
    const adapter = createAmazonQAdapter('kiro');
    const account = makeAccount('kiro');
    const resetSeconds = Math.floor(Date.now() / 1000) + 86_400;
    amazonq.fake.usageLimits = { ...defaultFakeUsageLimits, usageBreakdownList: [{ ...defaultFakeUsageLimits.usageBreakdownList[0], nextDateReset: resetSeconds }] };
    await adapter.fetchBalance!(account, makeContext().context);
    amazonq.fake.usageLimits = defaultFakeUsageLimits;
    amazonq.fake.enqueue(fakeScenarios.quotaExhausted());
    await expect(collectStream(adapter.stream(request(), 'claude-sonnet-4.5', account, makeContext().context))).rejects.toMatchObject({
      name: 'QuotaExhaustedError',
      resetAt: resetSeconds * 1000,
    });
  });
});

describe('listModels', () => {
  it.each(['amazonq', 'kiro'] as const)('lists the models of a %s account', async (provider) => {
    const models = await createAmazonQAdapter(provider).listModels!(makeAccount(provider), makeContext().context);
    expect(models).toEqual(amazonq.fake.models);
    const recorded = amazonq.fake.requests.filter((item) => item.kind === 'list-models').at(-1)!;
    if (provider === 'kiro') expect(recorded.path).toBe('/ListAvailableModels?origin=AI_EDITOR&maxResults=50');
    else expect(recorded.headers['x-amz-target']).toBe('AmazonCodeWhispererService.ListAvailableModels');
  });
});

describe('fetchBalance', () => {
  it.each(['amazonq', 'kiro'] as const)('reads usage limits for %s', async (provider) => {
    const balance = await createAmazonQAdapter(provider).fetchBalance!(makeAccount(provider), makeContext().context);
    expect(balance).toMatchObject({
      remaining: 527.5,
      limit: 650,
      used: 122.5,
      unit: 'credits',
      resetAt: 1767225600000,
      plan: 'FREE',
      email: 'someone@example.com',
      source: 'upstream',
    });
    const recorded = amazonq.fake.requests.filter((item) => item.kind === 'usage-limits').at(-1)!;
    if (provider === 'kiro') {
      expect(recorded.path).toBe('/getUsageLimits?origin=AI_EDITOR&resourceType=AGENTIC_REQUEST&isEmailRequired=true');
      expect(recorded.headers).toMatchObject({ 'amz-sdk-request': 'attempt=1; max=1', 'x-amz-user-agent': expect.stringMatching(/^aws-sdk-js\/1\.0\.0 KiroIDE-/) });
      expect(recorded.headers['user-agent']).toContain('api/codewhispererruntime#1.0.0');
    } else expect(recorded.headers['x-amz-target']).toBe('AmazonCodeWhispererService.GetUsageLimits');
  });
});
