import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { parseAnthropicMessagesRequest } from './parse-anthropic-messages-request.js';

const base = { model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'hi' }] };
const parse = (extra: Record<string, unknown>) => parseAnthropicMessagesRequest({ ...base, ...extra });
const contentOf = (role: string, content: unknown[]) =>
  parseAnthropicMessagesRequest({ ...base, messages: [{ role, content }] });

describe('parseAnthropicMessagesRequest: errors name the field', () => {
  it.each([
    ['missing model', { messages: base.messages }, 'model'],
    ['missing messages', { model: 'm' }, 'messages'],
    ['bad role', { model: 'm', messages: [{ role: 'tool', content: 'x' }] }, 'messages[0].role'],
    ['text block without text', { model: 'm', messages: [{ role: 'user', content: [{ type: 'text' }] }] }, 'messages[0].content[0].text'],
    [
      'tool_use without id',
      { model: 'm', messages: [{ role: 'assistant', content: [{ type: 'tool_use', name: 'x', input: {} }] }] },
      'messages[0].content[0].id',
    ],
    [
      'base64 image without data',
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png' } }] }] },
      'messages[0].content[0].source.data',
    ],
    ['max_tokens as string', { ...base, max_tokens: 'lots' }, 'max_tokens'],
    ['tool_choice tool without name', { ...base, tool_choice: { type: 'tool' } }, 'tool_choice.name'],
  ])('%s → 400 on %s', (_name, body, field) => {
    let caught: unknown;
    try {
      parseAnthropicMessagesRequest(body);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidRequestError);
    expect((caught as InvalidRequestError).field).toBe(field);
  });

  it('ignores unknown top-level fields and accepts a count_tokens body without max_tokens', () => {
    const { request, warnings } = parseAnthropicMessagesRequest({
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'user', content: 'hi' }],
      context_management: { edits: [{ type: 'clear_tool_uses_20250919' }] },
      container: 'c1',
      mcp_servers: [{ type: 'url', url: 'https://mcp.example.com', name: 'x' }],
      service_tier: 'auto',
      output_config: { effort: 'high', format: null },
    });
    expect(request).toEqual({
      model: 'claude-sonnet-4-5',
      system: [],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      tools: [],
      stream: false,
      reasoning: { mode: 'adaptive', effort: 'high' },
    });
    expect(warnings).toEqual([]);
  });
});

describe('parseAnthropicMessagesRequest: content', () => {
  it('takes system as a string or text blocks with cache_control', () => {
    expect(parse({ system: 'Be brief.' }).request.system).toEqual([{ type: 'text', text: 'Be brief.' }]);
    expect(parse({ system: [{ type: 'text', text: 'Long prompt', cache_control: { type: 'ephemeral', ttl: '1h' } }] }).request.system).toEqual([
      { type: 'text', text: 'Long prompt', cacheControl: { type: 'ephemeral', ttl: '1h' } },
    ]);
  });

  it('converts user text, images and documents of every source kind', () => {
    const { request } = contentOf('user', [
      { type: 'text', text: 'See', cache_control: { type: 'ephemeral' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }, title: 'Spec' },
      { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'plain words' } },
      { type: 'document', source: { type: 'content', content: [{ type: 'text', text: 'one' }, { type: 'text', text: 'two' }] } },
    ]);
    expect(request.messages[0]?.content).toEqual([
      { type: 'text', text: 'See', cacheControl: { type: 'ephemeral' } },
      { type: 'image', source: { kind: 'base64', mediaType: 'image/jpeg', data: '/9j/' } },
      { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } },
      { type: 'document', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, title: 'Spec' },
      { type: 'document', source: { kind: 'url', url: 'https://example.com/a.pdf', mediaType: 'application/pdf' } },
      { type: 'document', source: { kind: 'text', text: 'plain words' } },
      { type: 'document', source: { kind: 'text', text: 'one\n\ntwo' } },
    ]);
  });

  it('converts assistant thinking with signature, redacted thinking and tool_use', () => {
    const { request } = contentOf('assistant', [
      { type: 'thinking', thinking: 'Hmm.', signature: 'sig==' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'Calling.' },
      { type: 'tool_use', id: 'toolu_1', name: 'search', input: { q: 'x' } },
    ]);
    expect(request.messages[0]?.content).toEqual([
      { type: 'reasoning', text: 'Hmm.', signature: 'sig==' },
      { type: 'redacted-reasoning', data: 'opaque' },
      { type: 'text', text: 'Calling.' },
      { type: 'tool-call', id: 'toolu_1', name: 'search', input: { q: 'x' } },
    ]);
  });

  it('converts tool_result with string or block content and is_error', () => {
    const { request } = contentOf('user', [
      { type: 'tool_result', tool_use_id: 'toolu_1', content: 'done' },
      {
        type: 'tool_result',
        tool_use_id: 'toolu_2',
        is_error: true,
        content: [
          { type: 'text', text: 'failed' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBO' } },
        ],
      },
    ]);
    expect(request.messages[0]?.content).toEqual([
      { type: 'tool-result', toolCallId: 'toolu_1', content: [{ type: 'text', text: 'done' }] },
      {
        type: 'tool-result',
        toolCallId: 'toolu_2',
        isError: true,
        content: [
          { type: 'text', text: 'failed' },
          { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBO' } },
        ],
      },
    ]);
  });

  it('drops server tool blocks and blocks in the wrong role with warnings', () => {
    const { request, warnings } = contentOf('assistant', [
      { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'x' } },
      { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] },
      { type: 'tool_result', tool_use_id: 'x', content: 'misplaced' },
      { type: 'text', text: 'kept' },
    ]);
    expect(request.messages[0]?.content).toEqual([{ type: 'text', text: 'kept' }]);
    expect(warnings.map((warning) => warning.feature)).toEqual(['server_tool_use', 'web_search_tool_result', 'tool_result']);
  });

  it('turns mid-conversation system messages into canonical system messages', () => {
    const { request } = parseAnthropicMessagesRequest({
      ...base,
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
        { role: 'system', content: [{ type: 'text', text: 'Reminder: be careful.' }] },
        { role: 'user', content: 'go on' },
      ],
    });
    expect(request.messages[2]).toEqual({ role: 'system', content: [{ type: 'text', text: 'Reminder: be careful.' }] });
  });
});

describe('parseAnthropicMessagesRequest: options', () => {
  it.each([
    ['max_tokens', {}, { maxOutputTokens: 1024 }],
    ['sampling', { temperature: 0.5, top_p: 0.9, top_k: 40 }, { temperature: 0.5, topP: 0.9, topK: 40 }],
    ['stop_sequences', { stop_sequences: ['###'] }, { stopSequences: ['###'] }],
    ['stream', { stream: true }, { stream: true }],
    ['thinking enabled', { thinking: { type: 'enabled', budget_tokens: 2048 } }, { reasoning: { mode: 'enabled', budgetTokens: 2048 } }],
    ['thinking adaptive', { thinking: { type: 'adaptive' } }, { reasoning: { mode: 'adaptive' } }],
    ['thinking disabled', { thinking: { type: 'disabled' } }, { reasoning: { mode: 'disabled' } }],
    [
      'thinking with effort',
      { thinking: { type: 'enabled', budget_tokens: 1024 }, output_config: { effort: 'low' } },
      { reasoning: { mode: 'enabled', budgetTokens: 1024, effort: 'low' } },
    ],
    ['metadata.user_id', { metadata: { user_id: '{"session_id":"s1"}' } }, { user: '{"session_id":"s1"}' }],
    ['tool_choice auto', { tool_choice: { type: 'auto' } }, { toolChoice: { type: 'auto' } }],
    ['tool_choice any', { tool_choice: { type: 'any' } }, { toolChoice: { type: 'required' } }],
    ['tool_choice none', { tool_choice: { type: 'none' } }, { toolChoice: { type: 'none' } }],
    [
      'tool_choice tool, no parallel',
      { tool_choice: { type: 'tool', name: 'f', disable_parallel_tool_use: true } },
      { toolChoice: { type: 'tool', name: 'f' }, parallelToolCalls: false },
    ],
  ])('%s', (_name, extra, expected) => {
    expect(parse(extra).request).toMatchObject(expected);
  });

  it('keeps custom tools with cache_control and drops server tools with a warning', () => {
    const { request, warnings } = parse({
      tools: [
        { name: 'get_weather', description: 'Weather', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } },
        { type: 'custom', name: 'lookup', input_schema: { type: 'object', properties: {} } },
        { type: 'web_search_20250305', name: 'web_search', max_uses: 5 },
      ],
    });
    expect(request.tools).toEqual([
      { name: 'get_weather', description: 'Weather', inputSchema: { type: 'object' }, cacheControl: { type: 'ephemeral' } },
      { name: 'lookup', inputSchema: { type: 'object', properties: {} } },
    ]);
    expect(warnings).toEqual([{ feature: 'tool:web_search_20250305', detail: expect.stringContaining('web_search') }]);
  });
});

describe('parseAnthropicMessagesRequest: structured outputs', () => {
  const schema = { type: 'object', properties: { answer: { type: 'integer' } }, required: ['answer'], additionalProperties: false };

  it.each([
    ['output_config.format', { output_config: { format: { type: 'json_schema', schema } } }],
    ['output_config.format beside effort', { output_config: { effort: 'high', format: { type: 'json_schema', schema } } }],
    ['the beta output_format', { output_format: { type: 'json_schema', schema } }],
  ])('%s → a canonical JSON schema', (_name, extra) => {
    const { request, warnings } = parse(extra);
    expect(request.responseFormat).toEqual({ type: 'json-schema', name: 'response', schema });
    expect(warnings).toEqual([]);
  });

  it('prefers output_config.format over the beta field, and leaves free text alone', () => {
    const other = { type: 'object', properties: {}, additionalProperties: false };
    expect(parse({ output_config: { format: { type: 'json_schema', schema } }, output_format: { type: 'json_schema', schema: other } }).request.responseFormat).toMatchObject({ schema });
    expect(parse({}).request.responseFormat).toBeUndefined();
  });

  it('rejects an unknown format type or a missing schema, naming the field', () => {
    expect(() => parse({ output_config: { format: { type: 'xml' } } })).toThrow(InvalidRequestError);
    expect(() => parse({ output_config: { format: { type: 'xml' } } })).toThrow('output_config.format.type');
    expect(() => parse({ output_format: { type: 'json_schema' } })).toThrow('output_format.schema');
  });
});
