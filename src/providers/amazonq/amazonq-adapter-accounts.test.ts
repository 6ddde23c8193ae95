import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultFakeModels } from '../../../tests/fakes/amazonq-fake-accounts.js';
import { defaultFakeUsageLimits, fakeScenarios, startFakeAmazonQ, type FakeAmazonQ } from '../../../tests/fakes/amazonq-fake.js';
import type { ChatRequest } from '../../core/chat-request.js';
import { collectStream } from '../../core/collect-stream.js';
import { testCallContext } from '../http/test-call-context.js';
import type { ProviderCallContext } from '../provider-adapter.js';
import type { AccountCredentials, AccountProviderSettings, UpstreamAccount } from '../upstream-account.js';
import { countTokens } from '../../tokens/count-tokens.js';
import { createAmazonQAdapter } from './amazonq-adapter.js';
import { countOutputTokens } from './estimate-tokens.js';
import type { GenerateAssistantResponseBody } from './amazonq-wire-types.js';

let fake: FakeAmazonQ;
const dispatcher = new Agent();
beforeAll(async () => {
  fake = await startFakeAmazonQ();
});
afterAll(async () => {
  await fake.close();
  await dispatcher.close();
});
beforeEach(() => {
  fake.models = [...defaultFakeModels];
  fake.usageLimits = defaultFakeUsageLimits;
});

let counter = 0;
function account(provider: 'amazonq' | 'kiro', credentials: AccountCredentials, settings: AccountProviderSettings = {}): UpstreamAccount {
  counter += 1;
  return { id: `acc-${counter}`, name: `acc ${counter}`, provider, baseUrl: fake.url, authUrl: fake.url, credentials, settings };
}

const context = (): ProviderCallContext => testCallContext({ dispatcher });

const request = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'claude-sonnet-4-5',
  system: [{ type: 'text', text: 'You are Claude Code.' }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  tools: [],
  stream: true,
  ...overrides,
});

const lastChat = () => fake.chatRequests().at(-1)!;
const lastChatBody = () => lastChat().body as GenerateAssistantResponseBody;
const kindsSince = (before: number) => fake.requests.slice(before).map((item) => item.kind);

describe('Kiro API keys', () => {
  const adapter = createAmazonQAdapter('kiro');
  const keyAccount = () => account('kiro', { api_key: 'ksk_live_0123456789abcdef' }, { auth_method: 'api_key' });

  it('sends the key as the bearer with tokentype API_KEY, never refreshes, and sends no profile ARN', async () => {
    const keyed = keyAccount();
    const before = fake.requests.length;
    const result = await collectStream(adapter.stream(request(), 'claude-sonnet-4-5', keyed, context()));
    expect(result.content).toContainEqual({ type: 'text', text: 'Hello from the fake Amazon Q.' });
    expect(kindsSince(before)).toEqual(['list-models', 'chat-restjson']);
    for (const recorded of fake.requests.slice(before)) {
      expect(recorded.headers.authorization).toBe('Bearer ksk_live_0123456789abcdef');
      expect(recorded.headers.tokentype).toBe('API_KEY');
    }
    expect(lastChatBody().profileArn).toBeUndefined();
  });

  it('reads the balance and the models with the key', async () => {
    const keyed = keyAccount();
    const before = fake.requests.length;
    expect(await adapter.fetchBalance!(keyed, context())).toMatchObject({ remaining: 527.5, unit: 'credits' });
    expect(await adapter.listModels!(keyed, context())).toEqual(defaultFakeModels);
    // The balance check also keeps the account's model list current; listModels reads it afresh.
    expect(kindsSince(before)).toEqual(['usage-limits', 'list-models', 'list-models']);
    expect(adapter.reportedModels!(keyed.id)).toEqual(defaultFakeModels);
    expect(fake.requests.slice(before).every((recorded) => recorded.headers.tokentype === 'API_KEY')).toBe(true);
  });

  it('treats a rejected key as a dead credential without any refresh attempt', async () => {
    const keyed = keyAccount();
    fake.revokedApiKeys.add('ksk_live_0123456789abcdef');
    const before = fake.requests.length;
    try {
      await expect(collectStream(adapter.stream(request(), 'claude-sonnet-4-5', keyed, context()))).rejects.toMatchObject({
        name: 'CredentialInvalidError',
        refreshable: false,
      });
      expect(kindsSince(before).filter((kind) => kind === 'oidc-token' || kind === 'social-refresh')).toEqual([]);
    } finally {
      fake.revokedApiKeys.clear();
    }
  });
});

describe('profile ARNs per account kind', () => {
  const enterpriseArn = 'arn:aws:codewhisperer:us-east-1:111122223333:profile/ENTERPRISE1';
  const placeholder = 'arn:aws:codewhisperer:us-east-1:638616132270:profile/AAAACCCCXXXX';

  it.each(['amazonq', 'kiro'] as const)('%s Enterprise accounts look up and send their own ARN, never the placeholder', async (provider) => {
    const refreshToken = `enterprise-refresh-${provider}`;
    fake.enterprise.set(refreshToken, enterpriseArn);
    const enterprise = account(
      provider,
      { refresh_token: refreshToken, client_id: 'c', client_secret: 's' },
      { auth_method: 'idc', idc_kind: 'enterprise', profile_arn: placeholder },
    );
    const adapter = createAmazonQAdapter(provider);
    const before = fake.requests.length;
    await collectStream(adapter.stream(request(), 'claude-sonnet-4-5', enterprise, context()));
    expect(kindsSince(before)).toEqual(['oidc-token', 'list-profiles', 'list-models', 'chat-' + (provider === 'kiro' ? 'restjson' : 'awsjson')]);
    expect(lastChatBody().profileArn).toBe(enterpriseArn);
    expect(await adapter.fetchBalance!(enterprise, context())).toMatchObject({ remaining: 527.5 });
    const usage = fake.requests.filter((item) => item.kind === 'usage-limits').at(-1)!;
    if (provider === 'kiro') expect(new URL(usage.path, 'http://x').searchParams.get('profileArn')).toBe(enterpriseArn);
    else expect(usage.body).toMatchObject({ profileArn: enterpriseArn });
    expect(fake.requests.slice(before).filter((item) => item.kind === 'list-profiles')).toHaveLength(1);
  });

  it('refreshes an Enterprise account in the OIDC region of its Identity Center', async () => {
    const refreshToken = 'enterprise-refresh-region';
    fake.enterprise.set(refreshToken, enterpriseArn);
    // No auth URL: the default is derived from auth_region; the request must go there (and fails, as no such host is reachable).
    const enterprise = { ...account('kiro', { refresh_token: refreshToken, client_id: 'c', client_secret: 's' }, { auth_method: 'idc', idc_kind: 'enterprise', auth_region: 'eu-west-1' }) };
    delete (enterprise as { authUrl?: string }).authUrl;
    const { resolveAmazonQEndpoints } = await import('./resolve-amazonq-endpoints.js');
    expect(resolveAmazonQEndpoints(enterprise).authUrl).toBe('https://oidc.eu-west-1.amazonaws.com');
    expect(resolveAmazonQEndpoints(enterprise).baseUrl).toBe(fake.url);
  });

  it('an Enterprise login without an ARN fails as the real service does (the fake refuses it)', async () => {
    const refreshToken = 'enterprise-refresh-raw';
    fake.enterprise.set(refreshToken, enterpriseArn);
    // Sent as Builder ID (no lookup, no ARN): the service answers 400 "profileArn is required".
    const misconfigured = account('kiro', { refresh_token: refreshToken, client_id: 'c', client_secret: 's' }, { auth_method: 'idc' });
    await expect(collectStream(createAmazonQAdapter('kiro').stream(request(), 'claude-sonnet-4-5', misconfigured, context()))).rejects.toMatchObject({
      name: 'InvalidRequestError',
      message: expect.stringContaining('profileArn is required'),
    });
  });

  it('Builder ID accounts never send the placeholder ARN of their token file', async () => {
    const builder = account('kiro', { refresh_token: 'builder-refresh', client_id: 'c', client_secret: 's' }, { auth_method: 'idc', profile_arn: placeholder });
    await collectStream(createAmazonQAdapter('kiro').stream(request(), 'claude-sonnet-4-5', builder, context()));
    expect(lastChatBody().profileArn).toBeUndefined();
  });
});

describe('models per account', () => {
  it('maps Anthropic ids onto the account’s list and uses its real context window for input tokens (checked against the tokenizer)', async () => {
    fake.models = [...defaultFakeModels, 'claude-sonnet-4.5-1m'];
    const adapter = createAmazonQAdapter('kiro');
    const social = account('kiro', { refresh_token: 'models-refresh' }, { profile_arn: 'arn:aws:codewhisperer:us-east-1:123456789012:profile/OWN' });
    const hi = request({ system: [], model: 'claude-opus-4-6' });
    const local = countTokens(hi);
    const answerTokens = countOutputTokens('Hi!');
    // What the service reports for "Hi" on Opus 4.6 (1M window): the prompt plus the answer, in percent of the window.
    fake.enqueue(fakeScenarios.text('Hi!', { contextUsagePercentage: ((local + answerTokens) * 100) / 1_000_000 }));
    const result = await collectStream(adapter.stream(hi, 'claude-opus-4-6', social, context()));
    expect(lastChatBody().conversationState.currentMessage.userInputMessage.modelId).toBe('claude-opus-4.6');
    expect(result.usage.inputTokens).toBe(local);
    expect(local).toBeLessThan(20);
    // The same percentage on Haiku 4.5, whose listed window is 200k, is five times fewer tokens.
    fake.enqueue(fakeScenarios.text('Hi!', { contextUsagePercentage: 0.5 }));
    const haiku = await collectStream(adapter.stream(request({ model: 'claude-haiku-4-5-20251001' }), 'claude-haiku-4-5-20251001', social, context()));
    expect(lastChatBody().conversationState.currentMessage.userInputMessage.modelId).toBe('claude-haiku-4.5');
    expect(haiku.usage.inputTokens).toBe(1_000 - answerTokens);
    await collectStream(adapter.stream(request(), 'claude-sonnet-4-5[1m]', social, context()));
    expect(lastChatBody().conversationState.currentMessage.userInputMessage.modelId).toBe('claude-sonnet-4.5-1m');
  });

  it('refuses a model the account does not list before calling the service, as ModelUnavailableError', async () => {
    const free = account('kiro', { refresh_token: 'free-refresh' }, { profile_arn: 'arn:aws:codewhisperer:us-east-1:123456789012:profile/FREE' });
    fake.modelsByCredential.set('free-refresh', ['auto', 'claude-sonnet-4.5', 'claude-haiku-4.5']);
    const adapter = createAmazonQAdapter('kiro');
    const before = fake.chatRequests().length;
    await expect(collectStream(adapter.stream(request(), 'claude-opus-4-6', free, context()))).rejects.toMatchObject({
      name: 'ModelUnavailableError',
      kind: 'invalid_request',
      isRetryable: true,
      model: 'claude-opus-4-6',
    });
    expect(fake.chatRequests()).toHaveLength(before);
  });

  it('turns the service’s INVALID_MODEL_ID refusal into ModelUnavailableError', async () => {
    const adapter = createAmazonQAdapter('amazonq');
    const refused = account('amazonq', { refresh_token: 'refused-refresh', client_id: 'c', client_secret: 's' });
    await collectStream(adapter.stream(request(), 'claude-sonnet-4-5', refused, context())); // learns the full list
    fake.enqueue({ status: 400, errorType: 'ValidationException', errorBody: { message: 'Invalid model. Please select a different model to continue.', reason: 'INVALID_MODEL_ID' } });
    await expect(collectStream(adapter.stream(request(), 'claude-opus-4-5', refused, context()))).rejects.toMatchObject({ name: 'ModelUnavailableError' });
  });
});

describe('thinking', () => {
  const adapter = createAmazonQAdapter('kiro');
  const social = () => account('kiro', { refresh_token: 'thinking-refresh' }, { profile_arn: 'arn:aws:codewhisperer:us-east-1:123456789012:profile/T' });

  it('maps Claude Code’s adaptive thinking with effort to the adaptive tags and returns the reasoning', async () => {
    const result = await collectStream(
      adapter.stream(request({ model: 'claude-opus-4-6', reasoning: { mode: 'adaptive', effort: 'max' } }), 'claude-opus-4-6', social(), context()),
    );
    expect(fake.thinkingRequests.at(-1)).toEqual({ mode: 'adaptive', effort: 'max' });
    expect(result.content[0]).toEqual({ type: 'reasoning', text: 'Thinking (adaptive, max).' });
    await collectStream(adapter.stream(request({ reasoning: { mode: 'adaptive', effort: 'max' } }), 'claude-sonnet-4-5', social(), context()));
    expect(fake.thinkingRequests.at(-1)).toEqual({ mode: 'adaptive', effort: 'high' }); // Sonnet 4.5 has no max level
  });

  it('caps budget_tokens at 24,576 and maps an OpenAI effort to the adaptive tag', async () => {
    await collectStream(adapter.stream(request({ reasoning: { mode: 'enabled', budgetTokens: 64_000 } }), 'claude-sonnet-4-5', social(), context()));
    expect(fake.thinkingRequests.at(-1)).toEqual({ mode: 'enabled', budget: 24_576 });
    await collectStream(adapter.stream(request({ reasoning: { mode: 'enabled', effort: 'minimal' } }), 'claude-sonnet-4-5', social(), context()));
    expect(fake.thinkingRequests.at(-1)).toEqual({ mode: 'adaptive', effort: 'low' });
  });

  it('drops a <thinking> block the model wrote unasked instead of passing it on as text', async () => {
    fake.enqueue(fakeScenarios.thinking('secret musings', 'The answer.'));
    const before = fake.thinkingRequests.length;
    const result = await collectStream(adapter.stream(request(), 'claude-sonnet-4-5', social(), context()));
    expect(fake.thinkingRequests).toHaveLength(before);
    expect(result.content).toEqual([{ type: 'text', text: 'The answer.' }]);
  });
});

describe('quotas', () => {
  it('skips a spent account (no overage) until its reset, without calling the service', async () => {
    const adapter = createAmazonQAdapter('kiro');
    const spent = account('kiro', { refresh_token: 'spent-refresh' }, { profile_arn: 'arn:aws:codewhisperer:us-east-1:123456789012:profile/S' });
    const resetSeconds = Math.floor(Date.now() / 1000) + 86_400;
    fake.usageLimits = {
      nextDateReset: resetSeconds,
      usageBreakdownList: [{ resourceType: 'CREDIT', currentUsageWithPrecision: 50, usageLimitWithPrecision: 50, nextDateReset: resetSeconds }],
      subscriptionInfo: { subscriptionTitle: 'KIRO FREE', overageCapability: 'OVERAGE_INCAPABLE' },
      overageConfiguration: { overageStatus: 'DISABLED' },
    };
    expect(await adapter.fetchBalance!(spent, context())).toMatchObject({ remaining: 0, exhausted: true, resetAt: resetSeconds * 1000 });
    const before = fake.chatRequests().length;
    await expect(collectStream(adapter.stream(request(), 'claude-sonnet-4-5', spent, context()))).rejects.toMatchObject({
      name: 'QuotaExhaustedError',
      resetAt: resetSeconds * 1000,
    });
    expect(fake.chatRequests()).toHaveLength(before);
  });
});
