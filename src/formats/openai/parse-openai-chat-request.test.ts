import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { parseOpenAIChatRequest } from './parse-openai-chat-request.js';

const base = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] };
const parse = (extra: Record<string, unknown>) => parseOpenAIChatRequest({ ...base, ...extra });
const messagesOf = (messages: unknown[]) => parseOpenAIChatRequest({ model: 'gpt-4o', messages });

describe('parseOpenAIChatRequest: errors name the field', () => {
  it.each([
    ['missing model', { messages: base.messages }, 'model'],
    ['missing messages', { model: 'gpt-4o' }, 'messages'],
    ['empty messages', { model: 'gpt-4o', messages: [] }, 'messages'],
    ['unknown role', { model: 'gpt-4o', messages: [{ role: 'wizard', content: 'x' }] }, 'messages[0].role'],
    ['content of wrong type', { model: 'gpt-4o', messages: [{ role: 'user', content: 5 }] }, 'messages[0].content'],
    ['text part without text', { model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'text' }] }] }, 'messages[0].content[0].text'],
    ['temperature as string', { ...base, temperature: 'hot' }, 'temperature'],
    ['n = 0', { ...base, n: 0 }, 'n'],
    ['response_format of unknown type', { ...base, response_format: { type: 'yaml' } }, 'response_format.type'],
    ['json_schema without a name', { ...base, response_format: { type: 'json_schema', json_schema: { schema: {} } } }, 'response_format.json_schema.name'],
    ['unknown reasoning_effort', { ...base, reasoning_effort: 'extreme' }, 'reasoning_effort'],
    [
      'image with a ftp URL',
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'ftp://x/y.png' } }] }] },
      'messages[0].content[0].image_url.url',
    ],
  ])('%s → 400 on %s', (_name, body, field) => {
    let caught: unknown;
    try {
      parseOpenAIChatRequest(body);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidRequestError);
    expect((caught as InvalidRequestError).field).toBe(field);
    expect((caught as InvalidRequestError).message).toContain(field);
  });

  it('says which types a union accepts', () => {
    expect(() => messagesOf([{ role: 'user', content: 5 }])).toThrow('messages[0].content: expected string or array');
  });

  it('ignores unknown fields and accepts null optionals', () => {
    const { request } = parse({ service_tier: 'auto', store: true, metadata: { a: 1 }, temperature: null, stop: null, tools: null });
    expect(request).toEqual({ model: 'gpt-4o', system: [], messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [], stream: false });
  });
});

describe('parseOpenAIChatRequest: messages', () => {
  it('moves leading system and developer messages to system, keeps later ones in place', () => {
    const { request } = messagesOf([
      { role: 'system', content: 'You are terse.' },
      { role: 'developer', content: [{ type: 'text', text: 'Use tools.' }] },
      { role: 'user', content: 'hi' },
      { role: 'system', content: 'Reminder.' },
    ]);
    expect(request.system).toEqual([{ type: 'text', text: 'You are terse.' }, { type: 'text', text: 'Use tools.' }]);
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'system', content: [{ type: 'text', text: 'Reminder.' }] },
    ]);
  });

  it('converts user parts: text, data-URL image, http image, PDF file; drops audio with a warning', () => {
    const { request, warnings } = messagesOf([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'high' } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'report.pdf' } },
          { type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } },
          { type: 'file', file: { file_id: 'file-123' } },
        ],
      },
    ]);
    expect(request.messages[0]?.content).toEqual([
      { type: 'text', text: 'Look' },
      { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { kind: 'url', url: 'https://example.com/cat.jpg' } },
      { type: 'document', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, title: 'report.pdf' },
    ]);
    expect(warnings.map((warning) => warning.feature)).toEqual(['input_audio', 'file']);
  });

  it('converts assistant reasoning, text and tool calls; keeps unparsable arguments as a string', () => {
    const { request } = messagesOf([
      { role: 'user', content: 'weather?' },
      {
        role: 'assistant',
        reasoning_content: 'Need a tool.',
        content: 'Checking.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } },
        ],
      },
    ]);
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'Need a tool.' },
        { type: 'text', text: 'Checking.' },
        { type: 'tool-call', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
        { type: 'tool-call', id: 'call_2', name: 'get_weather', input: '{"city":' },
      ],
    });
  });

  it('keeps assistant refusal parts as text and drops other assistant parts with a warning', () => {
    const { request, warnings } = messagesOf([
      { role: 'user', content: 'q' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'a' },
          { type: 'refusal', refusal: 'no' },
          { type: 'image_url', image_url: { url: 'https://example.com/x.png' } },
        ],
      },
    ]);
    expect(request.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'no' }] });
    expect(warnings).toEqual([{ feature: 'image_url', detail: expect.stringContaining('messages[1].content[2]') }]);
  });

  it('merges consecutive tool messages into one user turn of tool results', () => {
    const { request } = messagesOf([
      { role: 'user', content: 'go' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'a', type: 'function', function: { name: 't', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'a', content: 'one' },
      { role: 'tool', tool_call_id: 'b', content: [{ type: 'text', text: 'two' }] },
      { role: 'user', content: 'thanks' },
    ]);
    expect(request.messages.slice(2)).toEqual([
      {
        role: 'user',
        content: [
          { type: 'tool-result', toolCallId: 'a', content: [{ type: 'text', text: 'one' }] },
          { type: 'tool-result', toolCallId: 'b', content: [{ type: 'text', text: 'two' }] },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'thanks' }] },
    ]);
  });

  it('accepts legacy functions, function_call and function messages', () => {
    const { request } = parseOpenAIChatRequest({
      model: 'gpt-3.5-turbo',
      functions: [{ name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } }],
      function_call: { name: 'lookup' },
      messages: [
        { role: 'user', content: 'find x' },
        { role: 'assistant', content: null, function_call: { name: 'lookup', arguments: '{"q":"x"}' } },
        { role: 'function', name: 'lookup', content: 'found' },
      ],
    });
    expect(request.tools).toEqual([{ name: 'lookup', inputSchema: { type: 'object', properties: { q: { type: 'string' } } } }]);
    expect(request.toolChoice).toEqual({ type: 'tool', name: 'lookup' });
    expect(request.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'tool-call', id: 'call_legacy_1', name: 'lookup', input: { q: 'x' } }] });
    expect(request.messages[2]).toEqual({ role: 'user', content: [{ type: 'tool-result', toolCallId: 'call_legacy_1', content: [{ type: 'text', text: 'found' }] }] });
  });
});

describe('parseOpenAIChatRequest: options', () => {
  it.each([
    ['max_tokens', { max_tokens: 100 }, { maxOutputTokens: 100 }],
    ['max_completion_tokens wins', { max_tokens: 100, max_completion_tokens: 200 }, { maxOutputTokens: 200 }],
    ['temperature and top_p', { temperature: 0.2, top_p: 0.9 }, { temperature: 0.2, topP: 0.9 }],
    ['top_k (OpenAI-compatible servers)', { top_k: 20 }, { topK: 20 }],
    ['stop string', { stop: 'END' }, { stopSequences: ['END'] }],
    ['stop array', { stop: ['A', 'B'] }, { stopSequences: ['A', 'B'] }],
    ['stream with usage', { stream: true, stream_options: { include_usage: true } }, { stream: true, includeUsage: true }],
    ['reasoning_effort', { reasoning_effort: 'low' }, { reasoning: { mode: 'enabled', effort: 'low' } }],
    ['reasoning_effort minimal', { reasoning_effort: 'minimal' }, { reasoning: { mode: 'enabled', effort: 'minimal' } }],
    ['reasoning_effort none', { reasoning_effort: 'none' }, { reasoning: { mode: 'disabled' } }],
    ['user', { user: 'u-1' }, { user: 'u-1' }],
    ['parallel_tool_calls', { parallel_tool_calls: false }, { parallelToolCalls: false }],
    ['tool_choice auto', { tool_choice: 'auto' }, { toolChoice: { type: 'auto' } }],
    ['tool_choice none', { tool_choice: 'none' }, { toolChoice: { type: 'none' } }],
    ['tool_choice required', { tool_choice: 'required' }, { toolChoice: { type: 'required' } }],
    ['tool_choice function', { tool_choice: { type: 'function', function: { name: 'f' } } }, { toolChoice: { type: 'tool', name: 'f' } }],
    ['n = 1', { n: 1 }, {}],
  ])('%s', (_name, extra, expected) => {
    expect(parse(extra).request).toMatchObject(expected);
  });

  it('converts function tools and drops other tool types with a warning', () => {
    const { request, warnings } = parse({
      tools: [
        { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object' }, strict: true } },
        { type: 'function', function: { name: 'no_params' } },
        { type: 'custom', custom: { name: 'grammar' } },
      ],
    });
    expect(request.tools).toEqual([
      { name: 'get_weather', description: 'Weather', inputSchema: { type: 'object' } },
      { name: 'no_params', inputSchema: { type: 'object', properties: {} } },
    ]);
    expect(warnings).toEqual([{ feature: 'tool:custom', detail: expect.stringContaining('tools[2]') }]);
  });

  const personSchema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false };

  it.each([
    ['text', { type: 'text' }, undefined],
    ['json_object', { type: 'json_object' }, { type: 'json-object' }],
    [
      'json_schema',
      { type: 'json_schema', json_schema: { name: 'person', description: 'A person', schema: personSchema, strict: true } },
      { type: 'json-schema', name: 'person', description: 'A person', schema: personSchema, strict: true },
    ],
    ['json_schema with nulls', { type: 'json_schema', json_schema: { name: 'p', schema: personSchema, strict: null, description: null } }, { type: 'json-schema', name: 'p', schema: personSchema }],
    ['json_schema without a schema (JSON mode)', { type: 'json_schema', json_schema: { name: 'p' } }, { type: 'json-object' }],
  ])('response_format %s → the canonical response format, with no warning', (_name, responseFormat, expected) => {
    const { request, warnings } = parse({ response_format: responseFormat });
    expect(request.responseFormat).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it('n > 1 parses, marked as servable only unchanged, with a 400 naming n for the other accounts', () => {
    const parsed = parse({ n: 3 });
    expect(parsed.request.model).toBe('gpt-4o');
    expect(parsed.passthroughOnly).toBeInstanceOf(InvalidRequestError);
    expect(parsed.passthroughOnly?.status).toBe(400);
    expect((parsed.passthroughOnly as InvalidRequestError).field).toBe('n');
    expect(parse({ n: 1 }).passthroughOnly).toBeUndefined();
  });
});
