import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { buildOpenAIRequest } from './build-openai-request.js';
import { isOpenAIStrictSchema } from './to-openai-response-format.js';
import type { OpenAIFlavour } from './openai-wire-types.js';

const base = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'client-model',
  system: [],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  tools: [],
  stream: false,
  ...overrides,
});

const build = (overrides: Partial<ChatRequest> = {}, flavour: OpenAIFlavour = 'openai') => {
  const warnings: ConversionWarning[] = [];
  const body = buildOpenAIRequest(base(overrides), 'gpt-4o', warnings, flavour);
  return { body, warnings };
};

const conversation: ChatRequest['messages'] = [
  {
    role: 'user',
    content: [
      { type: 'text', text: 'Look:' },
      { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBOR' } },
      { type: 'image', source: { kind: 'url', url: 'https://example.com/cat.jpg' } },
    ],
  },
  {
    role: 'assistant',
    content: [
      { type: 'reasoning', text: 'Hmm.', signature: 'sig' },
      { type: 'text', text: 'Checking.' },
      { type: 'tool-call', id: 'call_1', name: 'lookup', input: { q: 'cat' } },
    ],
  },
  {
    role: 'user',
    content: [
      { type: 'tool-result', toolCallId: 'call_1', content: [{ type: 'text', text: 'a cat' }, { type: 'image', source: { kind: 'url', url: 'https://example.com/x.png' } }] },
      { type: 'tool-result', toolCallId: 'call_2', content: [{ type: 'text', text: 'boom' }], isError: true },
      { type: 'text', text: 'Thanks' },
    ],
  },
  { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
];

describe('buildOpenAIRequest', () => {
  it('builds a streamed body with usage and a system message', () => {
    const { body } = build({ system: [{ type: 'text', text: 'A' }, { type: 'text', text: 'B' }] });
    expect(body).toEqual({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'A\n\nB' },
        { role: 'user', content: 'Hi' },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('converts images, tool calls, tool results and mid-conversation system messages (openai)', () => {
    const { body, warnings } = build({ messages: conversation });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look:' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
        ],
      },
      { role: 'assistant', content: 'Checking.', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"cat"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'a cat' },
      { role: 'tool', tool_call_id: 'call_2', content: 'Error: boom' },
      { role: 'user', content: 'Thanks' },
      { role: 'system', content: 'Be brief.' },
    ]);
    expect(warnings.map((warning) => warning.feature)).toEqual(['tool-result']);
  });

  it('sends reasoning back as reasoning_content for compatible servers', () => {
    const { body } = build({ messages: conversation }, 'compatible');
    expect(body.messages[1]).toEqual({
      role: 'assistant',
      content: 'Checking.',
      reasoning_content: 'Hmm.',
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"cat"}' } }],
    });
  });

  it.each([
    { flavour: 'openai' as const, field: 'max_completion_tokens', absent: 'max_tokens' },
    { flavour: 'compatible' as const, field: 'max_tokens', absent: 'max_completion_tokens' },
  ])('uses $field for $flavour', ({ flavour, field, absent }) => {
    const { body } = build({ maxOutputTokens: 321 }, flavour);
    expect(body).toHaveProperty(field, 321);
    expect(body).not.toHaveProperty(absent);
  });

  it.each([
    { reasoning: { mode: 'enabled' as const, effort: 'max' as const }, expected: 'high' },
    { reasoning: { mode: 'enabled' as const, effort: 'minimal' as const }, expected: 'minimal' },
    { reasoning: { mode: 'enabled' as const, budgetTokens: 1024 }, expected: 'low' },
    { reasoning: { mode: 'enabled' as const, budgetTokens: 4096 }, expected: 'medium' },
    { reasoning: { mode: 'enabled' as const, budgetTokens: 32_000 }, expected: 'high' },
    { reasoning: { mode: 'adaptive' as const }, expected: undefined },
    { reasoning: { mode: 'disabled' as const, effort: 'high' as const }, expected: undefined },
  ])('reasoning_effort for $reasoning', ({ reasoning, expected }) => {
    expect(build({ reasoning }).body.reasoning_effort).toBe(expected);
  });

  it.each([
    { choice: { type: 'auto' as const }, expected: 'auto' },
    { choice: { type: 'none' as const }, expected: 'none' },
    { choice: { type: 'required' as const }, expected: 'required' },
    { choice: { type: 'tool' as const, name: 'lookup' }, expected: { type: 'function', function: { name: 'lookup' } } },
  ])('tool_choice $choice.type', ({ choice, expected }) => {
    const { body } = build({ tools: [{ name: 'lookup', description: 'Looks up', inputSchema: { type: 'object' } }], toolChoice: choice, parallelToolCalls: false });
    expect(body.tool_choice).toEqual(expected);
    expect(body.parallel_tool_calls).toBe(false);
    expect(body.tools).toEqual([{ type: 'function', function: { name: 'lookup', description: 'Looks up', parameters: { type: 'object' } } }]);
  });

  it('passes sampling and stop; drops top_k for openai with a warning, keeps it for compatible', () => {
    const openai = build({ temperature: 1.2, topP: 0.5, topK: 20, stopSequences: ['END'], user: 'u1' });
    expect(openai.body).toMatchObject({ temperature: 1.2, top_p: 0.5, stop: ['END'], user: 'u1' });
    expect(openai.body).not.toHaveProperty('top_k');
    expect(openai.warnings.map((warning) => warning.feature)).toEqual(['top_k']);
    expect(build({ topK: 20 }, 'compatible').body.top_k).toBe(20);
  });
});

describe('buildOpenAIRequest: structured outputs', () => {
  const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
  const loose = { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string' } }, required: ['city'], additionalProperties: false };

  it.each([
    ['json-schema', { type: 'json-schema', name: 'place', schema, description: 'A place', strict: true }, { type: 'json_schema', json_schema: { name: 'place', schema, description: 'A place', strict: true } }],
    ['json-schema without a strict preference, strict-compatible', { type: 'json-schema', name: 'place', schema }, { type: 'json_schema', json_schema: { name: 'place', schema, strict: true } }],
    ['json-schema without a strict preference, with an optional field', { type: 'json-schema', name: 'place', schema: loose }, { type: 'json_schema', json_schema: { name: 'place', schema: loose } }],
    ['json-schema not strict by choice', { type: 'json-schema', name: 'place', schema, strict: false }, { type: 'json_schema', json_schema: { name: 'place', schema, strict: false } }],
    ['a name OpenAI would refuse', { type: 'json-schema', name: 'my place!', schema, strict: true }, { type: 'json_schema', json_schema: { name: 'my_place_', schema, strict: true } }],
    ['json-object', { type: 'json-object' }, { type: 'json_object' }],
    ['text', { type: 'text' }, undefined],
  ] as const)('%s → response_format', (_name, responseFormat, expected) => {
    for (const flavour of ['openai', 'compatible'] as const) {
      expect(build({ responseFormat: responseFormat as ChatRequest['responseFormat'] }, flavour).body.response_format).toEqual(expected);
    }
  });
});

describe('isOpenAIStrictSchema', () => {
  it.each([
    ['closed, all required', { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false }, true],
    ['open object', { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, false],
    ['optional property', { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } }, required: ['a'], additionalProperties: false }, false],
    [
      'nested open object in an array',
      { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: {} } } }, required: ['items'], additionalProperties: false },
      false,
    ],
    ['enum values are data', { type: 'object', properties: { a: { enum: [{ type: 'object' }] } }, required: ['a'], additionalProperties: false }, true],
  ])('%s → %s', (_name, schema, expected) => {
    expect(isOpenAIStrictSchema(schema)).toBe(expected);
  });
});
