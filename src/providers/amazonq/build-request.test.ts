import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRequest } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { amazonQFlavours } from './amazonq-flavour.js';
import type { AmazonQHistoryEntry } from './amazonq-wire-types.js';
import { buildAmazonQRequest, systemAcknowledgement, type BuildRequestOptions } from './build-request.js';
import { cancelledToolUseText } from './repair-turns.js';
import { ToolNameMap } from './shorten-tool-name.js';

const baseRequest = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'claude-sonnet-4-5',
  system: [],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  tools: [],
  stream: true,
  ...overrides,
});

function build(request: ChatRequest, overrides: Partial<BuildRequestOptions> = {}) {
  const warnings: ConversionWarning[] = [];
  const toolNames = new ToolNameMap();
  const body = buildAmazonQRequest(request, {
    flavour: amazonQFlavours.kiro,
    modelId: 'claude-sonnet-4.5',
    toolNames,
    warnings,
    ...overrides,
  });
  const history = body.conversationState.history ?? [];
  const current = body.conversationState.currentMessage.userInputMessage;
  return { body, history, current, warnings, toolNames };
}

const roles = (history: AmazonQHistoryEntry[]): string[] =>
  history.map((entry) => ('userInputMessage' in entry ? 'user' : 'assistant'));
const user = (text: string): ChatMessage => ({ role: 'user', content: [{ type: 'text', text }] });
const assistant = (text: string): ChatMessage => ({ role: 'assistant', content: [{ type: 'text', text }] });
const toolCall = (id: string, name: string, input: unknown = {}): ChatMessage => ({
  role: 'assistant',
  content: [{ type: 'tool-call', id, name, input }],
});
const toolResult = (id: string, text: string): ChatMessage => ({
  role: 'user',
  content: [{ type: 'tool-result', toolCallId: id, content: [{ type: 'text', text }] }],
});

describe('buildAmazonQRequest', () => {
  it('builds a minimal kiro body: MANUAL trigger, origin, model id on the current message, no null fields', () => {
    const { body, current } = build(baseRequest());
    expect(body.conversationState.chatTriggerType).toBe('MANUAL');
    expect(body.conversationState.history).toBeUndefined();
    expect(current).toEqual({ content: 'Hi', modelId: 'claude-sonnet-4.5', origin: 'AI_EDITOR' });
    expect(JSON.stringify(body)).not.toContain('null');
  });

  it('uses origin CLI for the amazonq flavour', () => {
    expect(build(baseRequest(), { flavour: amazonQFlavours.amazonq }).current.origin).toBe('CLI');
  });

  it('folds the system prompt as a synthetic first user/assistant pair', () => {
    const { history, current } = build(baseRequest({ system: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Use English.' }] }));
    expect(history).toEqual([
      { userInputMessage: { content: 'Be brief.\nUse English.', modelId: 'claude-sonnet-4.5', origin: 'AI_EDITOR' } },
      { assistantResponseMessage: { content: systemAcknowledgement } },
    ]);
    expect(current.content).toBe('Hi');
  });

  it('folds mid-conversation system messages into user text', () => {
    const { history, current } = build(
      baseRequest({ messages: [user('one'), assistant('two'), { role: 'system', content: [{ type: 'text', text: 'Note this.' }] }, user('three')] }),
    );
    expect(roles(history)).toEqual(['user', 'assistant']);
    expect(current.content).toBe('Note this.\n\nthree');
  });

  it('merges consecutive same-role turns into strict alternation', () => {
    const { history, current } = build(baseRequest({ messages: [user('a'), user('b'), assistant('c'), assistant('d'), user('e')] }));
    expect(history).toEqual([
      { userInputMessage: { content: 'a\n\nb', modelId: 'claude-sonnet-4.5', origin: 'AI_EDITOR' } },
      { assistantResponseMessage: { content: 'c\n\nd' } },
    ]);
    expect(current.content).toBe('e');
  });

  it('starts the history with a user turn when the conversation starts with the assistant', () => {
    const { history } = build(baseRequest({ messages: [assistant('Hello, how can I help?'), user('Fix it')] }));
    expect(roles(history)).toEqual(['user', 'assistant']);
  });

  it('moves a trailing assistant prefill into history and continues with a user turn', () => {
    const { history, current } = build(baseRequest({ messages: [user('Write JSON'), assistant('{')] }));
    expect(roles(history)).toEqual(['user', 'assistant']);
    expect(current.content).toBe('Continue.');
  });

  it('pairs tool uses with their results and declares the tools only in the current message', () => {
    const { history, current } = build(
      baseRequest({
        messages: [user('list'), toolCall('t1', 'Bash', { command: 'ls' }), toolResult('t1', 'a.txt')],
        tools: [{ name: 'Bash', description: 'Run a command', inputSchema: { type: 'object', properties: { command: { type: 'string' } } } }],
      }),
    );
    expect(history[1]).toEqual({
      assistantResponseMessage: { content: 'OK.', toolUses: [{ toolUseId: 't1', name: 'Bash', input: { command: 'ls' } }] },
    });
    expect(current.userInputMessageContext?.toolResults).toEqual([{ toolUseId: 't1', content: [{ text: 'a.txt' }], status: 'success' }]);
    expect(current.userInputMessageContext?.tools?.map((tool) => tool.toolSpecification.name)).toEqual(['Bash']);
    expect(current.content).toBe('Tool results provided.');
    expect(JSON.stringify(history)).not.toContain('"tools"');
  });

  it('answers orphan tool uses with a cancelled error result', () => {
    const { history } = build(baseRequest({ messages: [user('go'), toolCall('t1', 'Bash'), user('never mind'), assistant('ok'), user('next')] }));
    const answer = history[2];
    expect(answer && 'userInputMessage' in answer ? answer.userInputMessage.userInputMessageContext?.toolResults : undefined).toEqual([
      { toolUseId: 't1', content: [{ text: cancelledToolUseText }], status: 'error' },
    ]);
  });

  it('moves orphan tool results into text', () => {
    const { current } = build(baseRequest({ messages: [user('hi'), assistant('hello'), toolResult('ghost', 'output')] }));
    expect(current.userInputMessageContext).toBeUndefined();
    expect(current.content).toContain('[Result of tool call ghost]\noutput');
  });

  it('removes duplicate tool use ids', () => {
    const { history } = build(
      baseRequest({ messages: [user('go'), toolCall('t1', 'Bash'), toolResult('t1', 'one'), toolCall('t1', 'Bash'), toolResult('t1', 'two')] }),
    );
    const toolUses = history.flatMap((entry) => ('assistantResponseMessage' in entry ? (entry.assistantResponseMessage.toolUses ?? []) : []));
    expect(toolUses).toHaveLength(1);
  });

  it('never leaves tool results on the first history user message', () => {
    const { history, current } = build(baseRequest({ messages: [toolResult('t0', 'stale'), assistant('ok'), user('go on')] }));
    const first = history[0];
    expect(first && 'userInputMessage' in first ? first.userInputMessage.userInputMessageContext : 'missing').toBeUndefined();
    expect(first && 'userInputMessage' in first ? first.userInputMessage.content : '').toContain('stale');
    expect(current.content).toBe('go on');
  });

  it('marks failed tool results with status error and fills empty results', () => {
    const { current } = build(
      baseRequest({
        messages: [
          user('go'),
          toolCall('t1', 'Bash'),
          { role: 'user', content: [{ type: 'tool-result', toolCallId: 't1', content: [], isError: true }] },
        ],
      }),
    );
    expect(current.userInputMessageContext?.toolResults).toEqual([{ toolUseId: 't1', content: [{ text: '(no output)' }], status: 'error' }]);
  });

  it('removes empty-string keys from tool inputs and wraps non-object inputs', () => {
    const { history } = build(
      baseRequest({ messages: [user('go'), { role: 'assistant', content: [
        { type: 'tool-call', id: 't1', name: 'A', input: { '': 1, keep: 2 } },
        { type: 'tool-call', id: 't2', name: 'B', input: 'plain' },
      ] }, toolResult('t1', 'a'), toolResult('t2', 'b')] }),
    );
    const entry = history[1];
    expect(entry && 'assistantResponseMessage' in entry ? entry.assistantResponseMessage.toolUses?.map((use) => use.input) : []).toEqual([
      { keep: 2 },
      { value: 'plain' },
    ]);
  });

  it('puts modelId and origin on every history user message', () => {
    const { history } = build(baseRequest({ messages: [user('a'), assistant('b'), user('c')] }), { flavour: amazonQFlavours.amazonq });
    expect(history[0]).toEqual({ userInputMessage: { content: 'a', modelId: 'claude-sonnet-4.5', origin: 'CLI' } });
  });

  it('keeps only the newest ten images', () => {
    const image = (data: string) => ({ type: 'image' as const, source: { kind: 'base64' as const, mediaType: 'image/png', data } });
    const older: ChatMessage = { role: 'user', content: Array.from({ length: 6 }, (_, index) => image(`old${index}`)) };
    const newer: ChatMessage = { role: 'user', content: Array.from({ length: 6 }, (_, index) => image(`new${index}`)) };
    const { history, current, warnings } = build(baseRequest({ messages: [older, assistant('seen'), newer] }));
    const first = history[0];
    expect(current.images).toHaveLength(6);
    expect(first && 'userInputMessage' in first ? first.userInputMessage.images?.map((item) => item.source.bytes) : []).toEqual(['old2', 'old3', 'old4', 'old5']);
    expect(warnings.map((warning) => warning.feature)).toContain('images');
  });

  it('declares a placeholder for tools used in history but not declared', () => {
    const { current } = build(baseRequest({ messages: [user('go'), toolCall('t1', 'Read'), toolResult('t1', 'x')] }));
    expect(current.userInputMessageContext?.tools).toEqual([
      { toolSpecification: { name: 'Read', description: expect.any(String), inputSchema: { json: { type: 'object', properties: {} } } } },
    ]);
  });

  it('normalises tool schemas, cuts long descriptions and drops web_search', () => {
    const { current, warnings } = build(
      baseRequest({
        tools: [
          { name: 'Write', description: 'd'.repeat(20_000), inputSchema: { type: 'object', properties: null, required: null } },
          { name: 'web_search', inputSchema: {} },
        ],
      }),
    );
    const tools = current.userInputMessageContext?.tools ?? [];
    expect(tools).toHaveLength(1);
    expect(tools[0]?.toolSpecification.description).toHaveLength(9_216);
    expect(tools[0]?.toolSpecification.inputSchema.json).toEqual({ type: 'object', properties: {} });
    expect(warnings.map((warning) => warning.feature)).toEqual(expect.arrayContaining(['tool-description', 'tool']));
  });

  it('shortens tool names over 64 characters consistently in tools and history', () => {
    const longName = `mcp__${'x'.repeat(80)}`;
    const { history, current, toolNames } = build(
      baseRequest({ messages: [user('go'), toolCall('t1', longName), toolResult('t1', 'ok')], tools: [{ name: longName, inputSchema: {} }] }),
    );
    const declared = current.userInputMessageContext?.tools?.[0]?.toolSpecification.name ?? '';
    expect(declared.length).toBeLessThanOrEqual(64);
    expect(JSON.stringify(history)).toContain(declared);
    expect(toolNames.toOriginal(declared)).toBe(longName);
  });

  it('sends base64 images with their format and drops URL images with a warning', () => {
    const { current, warnings } = build(
      baseRequest({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'look' },
              { type: 'image', source: { kind: 'base64', mediaType: 'image/jpg', data: 'AAAA' } },
              { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } },
            ],
          },
        ],
      }),
    );
    expect(current.images).toEqual([{ format: 'jpeg', source: { bytes: 'AAAA' } }]);
    expect(warnings.map((warning) => warning.feature)).toContain('image-url');
  });

  it('adds the thinking prefix to the system text when reasoning is requested', () => {
    const { history } = build(baseRequest({ system: [{ type: 'text', text: 'Sys' }], reasoning: { mode: 'enabled', budgetTokens: 100_000 } }));
    const first = history[0];
    expect(first && 'userInputMessage' in first ? first.userInputMessage.content : '').toBe(
      '<thinking_mode>enabled</thinking_mode><max_thinking_length>24576</max_thinking_length>\nSys',
    );
    const adaptive = build(baseRequest({ reasoning: { mode: 'adaptive', effort: 'high' } })).history[0];
    expect(adaptive && 'userInputMessage' in adaptive ? adaptive.userInputMessage.content : '').toContain('<thinking_effort>high</thinking_effort>');
  });

  it('replays earlier reasoning as <thinking> text', () => {
    const { history } = build(
      baseRequest({ messages: [user('q'), { role: 'assistant', content: [{ type: 'reasoning', text: 'hmm' }, { type: 'text', text: 'A' }] }, user('r')] }),
    );
    expect(history[1]).toEqual({ assistantResponseMessage: { content: '<thinking>hmm</thinking>\n\nA' } });
  });

  it('uses the session id as conversationId only when it is a UUID', () => {
    const uuid = '0b5c2f4e-8a1d-4f6b-9c3e-2d7a1b9e4f60';
    expect(build(baseRequest(), { sessionId: uuid }).body.conversationState.conversationId).toBe(uuid);
    const generated = build(baseRequest(), { sessionId: 'not-a-uuid' }).body.conversationState.conversationId;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated).not.toBe('not-a-uuid');
  });

  it('drops the oldest turns to fit the size limit, keeping the system pair and valid pairs', () => {
    const big = 'y'.repeat(4000);
    const messages: ChatMessage[] = [];
    for (let index = 0; index < 10; index += 1) messages.push(user(`${index}${big}`), toolCall(`t${index}`, 'Bash'), toolResult(`t${index}`, 'ok'), assistant('done'));
    messages.push(user('last'));
    const { body, history, warnings } = build(baseRequest({ system: [{ type: 'text', text: 'Sys' }], messages }), { maxBodyBytes: 20_000 });
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(20_000);
    const first = history[0];
    expect(first && 'userInputMessage' in first ? first.userInputMessage.content : '').toBe('Sys');
    expect(roles(history).every((role, index) => role === (index % 2 === 0 ? 'user' : 'assistant'))).toBe(true);
    const third = history[2];
    expect(third && 'userInputMessage' in third ? third.userInputMessage.userInputMessageContext : undefined).toBeUndefined();
    expect(warnings.map((warning) => warning.feature)).toContain('history');
    expect(history.length).toBeLessThan(41);
  });

  it('warns about the sampling settings Q cannot take', () => {
    const { warnings } = build(
      baseRequest({ temperature: 0.2, maxOutputTokens: 100, stopSequences: ['x'], toolChoice: { type: 'required' } }),
    );
    expect(warnings.map((warning) => warning.feature)).toEqual(['temperature', 'max_tokens', 'stop_sequences', 'tool_choice']);
  });

  it('adds profileArn only when given', () => {
    expect(build(baseRequest()).body.profileArn).toBeUndefined();
    expect(build(baseRequest(), { profileArn: 'arn:aws:codewhisperer:us-east-1:1:profile/X' }).body.profileArn).toContain('profile/X');
  });
});
