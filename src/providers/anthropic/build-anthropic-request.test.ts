import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { buildAnthropicRequest } from './build-anthropic-request.js';

const base = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'client-model',
  system: [],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  tools: [],
  stream: false,
  ...overrides,
});

const build = (overrides: Partial<ChatRequest> = {}) => {
  const warnings: ConversionWarning[] = [];
  const body = buildAnthropicRequest(base(overrides), 'claude-sonnet-4-5', warnings);
  return { body, warnings };
};

describe('buildAnthropicRequest', () => {
  it('sends the upstream model, streams always and defaults max_tokens', () => {
    const { body, warnings } = build();
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 4096,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      stream: true,
    });
    expect(warnings).toEqual([]);
  });

  it('keeps system blocks with cache_control and turns mid-conversation system messages into user text', () => {
    const { body, warnings } = build({
      system: [{ type: 'text', text: 'You are terse.', cacheControl: { type: 'ephemeral', ttl: '1h' } }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
        { role: 'system', content: [{ type: 'text', text: 'Reminder: be brief.' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'Hello' }] },
      ],
    });
    expect(body.system).toEqual([{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral', ttl: '1h' } }]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'text', text: 'Reminder: be brief.' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Hello' }] },
    ]);
    expect(warnings.map((warning) => warning.feature)).toEqual(['system-message']);
  });

  it('maps tool calls, tool results (with is_error), images, documents and thinking', () => {
    const { body, warnings } = build({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBOR' } },
            { type: 'image', source: { kind: 'url', url: 'https://example.com/cat.jpg' } },
            { type: 'document', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBER' }, title: 'Spec' },
            { type: 'document', source: { kind: 'text', text: 'plain' } },
            { type: 'text', text: 'What is this?' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'Think', signature: 'sig' },
            { type: 'redacted-reasoning', data: 'opaque' },
            { type: 'reasoning', text: 'unsigned' },
            { type: 'tool-call', id: 'toolu_1', name: 'lookup', input: { q: 'cat' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'here you go' },
            { type: 'tool-result', toolCallId: 'toolu_1', content: [{ type: 'text', text: 'not found' }], isError: true },
          ],
        },
      ],
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
          { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
          { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBER' }, title: 'Spec' },
          { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'plain' } },
          { type: 'text', text: 'What is this?' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'Think', signature: 'sig' },
          { type: 'redacted_thinking', data: 'opaque' },
          { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'cat' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: 'not found' }], is_error: true },
          { type: 'text', text: 'here you go' },
        ],
      },
    ]);
    expect(warnings.map((warning) => warning.feature)).toEqual(['reasoning']);
  });

  it('merges consecutive turns of the same role', () => {
    const { body } = build({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'a' }] },
        { role: 'user', content: [{ type: 'text', text: 'b' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'c' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'd' }] },
      ],
    });
    expect(body.messages.map((message) => [message.role, message.content.length])).toEqual([
      ['user', 2],
      ['assistant', 2],
    ]);
  });

  it.each([
    { name: 'explicit budget', reasoning: { mode: 'enabled' as const, budgetTokens: 8000 }, maxOutputTokens: 20_000, thinking: { type: 'enabled', budget_tokens: 8000 }, maxTokens: 20_000 },
    { name: 'effort low', reasoning: { mode: 'enabled' as const, effort: 'low' as const }, maxOutputTokens: undefined, thinking: { type: 'enabled', budget_tokens: 1024 }, maxTokens: 4096 },
    { name: 'effort medium', reasoning: { mode: 'enabled' as const, effort: 'medium' as const }, maxOutputTokens: undefined, thinking: { type: 'enabled', budget_tokens: 4096 }, maxTokens: 8192 },
    { name: 'effort high raises max_tokens', reasoning: { mode: 'enabled' as const, effort: 'high' as const }, maxOutputTokens: 1000, thinking: { type: 'enabled', budget_tokens: 16_384 }, maxTokens: 20_480 },
    { name: 'tiny budget raised to the minimum', reasoning: { mode: 'enabled' as const, budgetTokens: 100 }, maxOutputTokens: undefined, thinking: { type: 'enabled', budget_tokens: 1024 }, maxTokens: 4096 },
    { name: 'adaptive', reasoning: { mode: 'adaptive' as const }, maxOutputTokens: undefined, thinking: { type: 'adaptive' }, maxTokens: 4096 },
    { name: 'disabled', reasoning: { mode: 'disabled' as const }, maxOutputTokens: undefined, thinking: undefined, maxTokens: 4096 },
  ])('thinking: $name', ({ reasoning, maxOutputTokens, thinking, maxTokens }) => {
    const { body } = build({ reasoning, maxOutputTokens });
    expect(body.thinking).toEqual(thinking);
    expect(body.max_tokens).toBe(maxTokens);
  });

  it('drops sampling settings and forced tool choice with thinking on, with warnings', () => {
    const { body, warnings } = build({
      reasoning: { mode: 'enabled', budgetTokens: 2048 },
      temperature: 0.5,
      topP: 0.9,
      topK: 5,
      tools: [{ name: 'lookup', inputSchema: { type: 'object' } }],
      toolChoice: { type: 'required' },
    });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
    expect(body).not.toHaveProperty('top_k');
    expect(body.tool_choice).toEqual({ type: 'auto' });
    expect(warnings.map((warning) => warning.feature)).toEqual(['tool_choice', 'sampling']);
  });

  it.each([
    { choice: { type: 'auto' as const }, parallel: undefined, expected: { type: 'auto' } },
    { choice: { type: 'required' as const }, parallel: undefined, expected: { type: 'any' } },
    { choice: { type: 'tool' as const, name: 'lookup' }, parallel: false, expected: { type: 'tool', name: 'lookup', disable_parallel_tool_use: true } },
    { choice: { type: 'none' as const }, parallel: undefined, expected: { type: 'none' } },
    { choice: undefined, parallel: false, expected: { type: 'auto', disable_parallel_tool_use: true } },
    { choice: undefined, parallel: true, expected: undefined },
  ])('tool_choice $choice.type parallel $parallel', ({ choice, parallel, expected }) => {
    const { body } = build({
      tools: [{ name: 'lookup', description: 'Looks up', inputSchema: { type: 'object' }, cacheControl: { type: 'ephemeral' } }],
      toolChoice: choice,
      parallelToolCalls: parallel,
    });
    expect(body.tool_choice).toEqual(expected);
    expect(body.tools).toEqual([{ name: 'lookup', description: 'Looks up', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } }]);
  });

  it('passes sampling, stop sequences and the end user', () => {
    const { body, warnings } = build({ temperature: 1.5, topP: 0.8, topK: 40, stopSequences: ['###'], user: 'user-1', maxOutputTokens: 100 });
    expect(body).toMatchObject({ temperature: 1, top_p: 0.8, top_k: 40, stop_sequences: ['###'], metadata: { user_id: 'user-1' }, max_tokens: 100 });
    expect(warnings.map((warning) => warning.feature)).toEqual(['temperature']);
  });
});
