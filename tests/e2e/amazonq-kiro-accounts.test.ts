import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeScenarios } from '../fakes/amazonq-fake.js';
import { startSluiceUnderTest, type SluiceUnderTest } from './sluice-under-test.js';

/**
 * Claude Code and Codex, as their official SDKs send them, through Sluice on a real socket to Amazon Q
 * and Kiro accounts of every credential type (the fake upstream enforces each type's rules): adaptive
 * thinking with effort, and a tool loop that ends in Codex's trailing assistant note.
 */
const enterpriseArn = 'arn:aws:codewhisperer:us-east-1:111122223333:profile/ORGPROFILE';

const credentialCases = [
  { label: 'amazonq Builder ID', account: { provider: 'amazonq', refresh_token: 'e2e-q-builder', client_id: 'c', client_secret: 's' } },
  { label: 'amazonq Identity Center', account: { provider: 'amazonq', refresh_token: 'e2e-q-org', client_id: 'c', client_secret: 's', idc_kind: 'enterprise' } },
  { label: 'kiro social', account: { provider: 'kiro', refresh_token: 'e2e-kiro-social', auth_method: 'social' } },
  { label: 'kiro Builder ID', account: { provider: 'kiro', refresh_token: 'e2e-kiro-builder', auth_method: 'idc', client_id: 'c', client_secret: 's' } },
  {
    label: 'kiro Identity Center',
    account: { provider: 'kiro', refresh_token: 'e2e-kiro-org', auth_method: 'idc', idc_kind: 'enterprise', client_id: 'c', client_secret: 's' },
  },
  { label: 'kiro API key', account: { provider: 'kiro', api_key: 'ksk_e2e_0123456789abcdef' } },
] as const;

describe('Claude Code and Codex through Amazon Q / Kiro accounts of every credential type', () => {
  let sluice: SluiceUnderTest;
  let anthropic: Anthropic;
  let openai: OpenAI;

  beforeAll(async () => {
    sluice = await startSluiceUnderTest();
    sluice.amazonq.enterprise.set('e2e-q-org', enterpriseArn);
    sluice.amazonq.enterprise.set('e2e-kiro-org', enterpriseArn);
    anthropic = new Anthropic({ apiKey: sluice.harness.adminKey, baseURL: sluice.url, maxRetries: 0 });
    openai = new OpenAI({ apiKey: sluice.harness.adminKey, baseURL: `${sluice.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => {
    await sluice?.close();
  });

  const createAccount = async (body: Record<string, unknown>): Promise<string> => {
    const response = await sluice.harness.request('POST', '/admin/accounts', { ...body, base_url: sluice.amazonq.url, auth_url: sluice.amazonq.url });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const removeAccount = async (id: string) => expect((await sluice.harness.request('DELETE', `/admin/accounts/${id}`)).status).toBe(204);

  it.each(credentialCases)('$label: adaptive thinking with effort, then a Codex tool loop', async ({ label, account }) => {
    const id = await createAccount({ name: label, models: ['claude-opus-4-6', 'claude-sonnet-4-5'], ...account });
    try {
      const chatsBefore = sluice.amazonq.chatRequests().length;
      // Claude Code: adaptive thinking with output_config.effort, a cached system prompt, a tool, streamed.
      const stream = anthropic.messages.stream({
        model: 'claude-opus-4-6',
        max_tokens: 32_000,
        thinking: { type: 'adaptive' },
        output_config: { effort: 'max' },
        system: [{ type: 'text', text: 'You are Claude Code, Anthropic’s official CLI for Claude.', cache_control: { type: 'ephemeral' } }],
        tools: [{ name: 'Bash', description: 'Run a shell command', input_schema: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] } }],
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hello.' }] }],
        metadata: { user_id: 'user_0123_account__session_6f1c2a9e-1b3d-4e5f-8a7b-9c0d1e2f3a4b' },
      } as unknown as Anthropic.MessageStreamParams);
      const message = await stream.finalMessage();
      expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
      expect((message.content[0] as Anthropic.ThinkingBlock).thinking).toBe('Thinking (adaptive, max).');
      expect((message.content[1] as Anthropic.TextBlock).text).toBe('Hello from the fake Amazon Q.');
      expect(sluice.amazonq.thinkingRequests.at(-1)).toEqual({ mode: 'adaptive', effort: 'max' });
      const sent = sluice.amazonq.chatRequests().at(-1)!;
      expect(sent.body).toMatchObject({ conversationState: { currentMessage: { userInputMessage: { modelId: 'claude-opus-4.6' } } } });
      // The conversation goes on under Claude Code's own session id, as the client named it.
      expect(sent.body).toMatchObject({ conversationState: { conversationId: '6f1c2a9e-1b3d-4e5f-8a7b-9c0d1e2f3a4b' } });
      if (label.includes('Identity Center')) expect((sent.body as { profileArn?: string }).profileArn).toBe(enterpriseArn);
      if (label.includes('API key')) expect(sent.headers).toMatchObject({ authorization: 'Bearer ksk_e2e_0123456789abcdef', tokentype: 'API_KEY' });

      // Codex (OpenAI Chat): a tool call, then the result followed by Codex's own "Working on it." note.
      const tools = [
        {
          type: 'function' as const,
          function: { name: 'shell', description: 'Runs a shell command', parameters: { type: 'object', properties: { command: { type: 'array', items: { type: 'string' } } }, required: ['command'] } },
        },
      ];
      sluice.amazonq.enqueue(fakeScenarios.toolCalls([{ id: 'tooluse_e2e_1', name: 'shell', input: { command: ['ls'] } }]));
      const first = await openai.chat.completions.stream({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'List the files.' }], tools }).finalChatCompletion();
      const call = first.choices[0]!.message.tool_calls![0]!;
      expect(call).toMatchObject({ id: 'tooluse_e2e_1', function: { name: 'shell', arguments: '{"command":["ls"]}' } });
      sluice.amazonq.enqueue(fakeScenarios.text('There are two files.'));
      const second = await openai.chat.completions.create({
        model: 'claude-sonnet-4-5',
        tools,
        messages: [
          { role: 'user', content: 'List the files.' },
          { role: 'assistant', content: null, tool_calls: [{ id: call.id, type: 'function', function: { name: 'shell', arguments: call.function.arguments } }] },
          { role: 'tool', tool_call_id: call.id, content: 'a.txt\nb.txt' },
          { role: 'assistant', content: 'Working on it.' },
        ],
      });
      expect(second.choices[0]!.message.content).toBe('There are two files.');
      const loop = sluice.amazonq.chatRequests().at(-1)!.body as { conversationState: { currentMessage: { userInputMessage: { userInputMessageContext?: { toolResults?: unknown[] } } } } };
      expect(loop.conversationState.currentMessage.userInputMessage.userInputMessageContext?.toolResults).toEqual([
        { toolUseId: 'tooluse_e2e_1', content: [{ text: 'a.txt\nb.txt' }], status: 'success' },
      ]);
      expect(sluice.amazonq.chatRequests().length - chatsBefore).toBe(3);
      expect(sluice.amazonq.malformedReasons).toEqual([]);
      expect(sluice.harness.context.accounts.get(id)?.status).toBe('active');
    } finally {
      await removeAccount(id);
    }
  });

  it('a free account refused Opus stays healthy; the request is served by an account that has it', async () => {
    sluice.amazonq.modelsByCredential.set('e2e-free', ['auto', 'claude-sonnet-4.5', 'claude-haiku-4.5']);
    const free = await createAccount({ name: 'free', provider: 'kiro', refresh_token: 'e2e-free', priority: 10, models: ['claude-opus-4-6', 'claude-sonnet-4-5'] });
    const pro = await createAccount({ name: 'pro', provider: 'kiro', refresh_token: 'e2e-pro', priority: 0, models: ['claude-opus-4-6', 'claude-sonnet-4-5'] });
    try {
      expect((await sluice.harness.request('PATCH', '/admin/settings', { routing_strategy: 'priority' })).status).toBe(200);
      const requestsBefore = sluice.amazonq.requests.length;
      const answer = await anthropic.messages.create({ model: 'claude-opus-4-6', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });
      expect(answer.content).toEqual([{ type: 'text', text: 'Hello from the fake Amazon Q.' }]);
      // The free account (first by priority) was tried: refreshed, its model list read, Opus not on it.
      const refreshed = sluice.amazonq.requests.slice(requestsBefore).filter((item) => item.kind === 'social-refresh').map((item) => (item.body as { refreshToken: string }).refreshToken);
      expect(refreshed).toEqual(['e2e-free', 'e2e-pro']);
      expect(sluice.amazonq.chatRequests().at(-1)?.body).toMatchObject({ conversationState: { currentMessage: { userInputMessage: { modelId: 'claude-opus-4.6' } } } });
      expect(sluice.harness.context.accounts.get(free)?.status).toBe('active');
      // The next Opus request goes straight to the pro account.
      const chatsBefore = sluice.amazonq.chatRequests().length;
      await anthropic.messages.create({ model: 'claude-opus-4-6', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });
      expect(sluice.amazonq.chatRequests().length - chatsBefore).toBe(1);
      const sonnet = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });
      expect(sonnet.content).toEqual([{ type: 'text', text: 'Hello from the fake Amazon Q.' }]);
    } finally {
      await sluice.harness.request('PATCH', '/admin/settings', { routing_strategy: 'round_robin' });
      await removeAccount(free);
      await removeAccount(pro);
    }
  });

  it('OpenAI reasoning_effort becomes the adaptive tags; "none" asks for no thinking', async () => {
    const id = await createAccount({ name: 'effort', provider: 'kiro', api_key: 'ksk_effort_0123456789', models: ['claude-sonnet-4-5'] });
    try {
      const before = sluice.amazonq.thinkingRequests.length;
      await openai.chat.completions.create({ model: 'claude-sonnet-4-5', reasoning_effort: 'minimal', messages: [{ role: 'user', content: 'Hi' }] });
      expect(sluice.amazonq.thinkingRequests.slice(before)).toEqual([{ mode: 'adaptive', effort: 'low' }]);
      sluice.amazonq.enqueue(fakeScenarios.thinking('unasked musings', 'Plain answer.'));
      const plain = await openai.chat.completions.create({ model: 'claude-sonnet-4-5', reasoning_effort: 'none', messages: [{ role: 'user', content: 'Hi' }] });
      expect(plain.choices[0]!.message.content).toBe('Plain answer.');
      expect(sluice.amazonq.thinkingRequests.slice(before)).toHaveLength(1);
    } finally {
      await removeAccount(id);
    }
  });

  it('input too long reaches Claude Code as its own 400, with no penalty to the account', async () => {
    const id = await createAccount({ name: 'long', provider: 'kiro', refresh_token: 'e2e-long', models: ['claude-opus-4-6'] });
    try {
      sluice.amazonq.enqueue(fakeScenarios.inputTooLong());
      const error = await anthropic.messages.create({ model: 'claude-opus-4-6', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(Anthropic.BadRequestError);
      expect((error as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('Input is too long') } });
      expect(sluice.harness.context.accounts.get(id)?.status).toBe('active');
    } finally {
      await removeAccount(id);
    }
  });
});
