import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { parseResponsesRequest } from './parse-responses-request.js';
import { renderResponsesResponse } from './render-responses-response.js';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('parseResponsesRequest', () => {
  it('replays Codex CLI’s first turn: developer messages become system, built-in and namespace tools are dropped with warnings', () => {
    const { request, warnings } = parseResponsesRequest(fixture('codex-exec-first-turn.json'));
    expect(request.stream).toBe(true);
    expect(request.system.length).toBeGreaterThanOrEqual(2);
    expect(request.system[0]?.text).toContain('You are a coding agent running in the Codex CLI');
    expect(request.messages).toHaveLength(1);
    expect(request.messages[0]).toMatchObject({ role: 'user' });
    expect(request.messages[0]!.content.map((part) => part.type === 'text' && part.text.slice(0, 20))).toEqual(['<environment_context', 'run echo']);
    expect(request.tools.map((tool) => tool.name)).toEqual(['exec_command', 'write_stdin', 'request_user_input', 'view_image', 'get_goal', 'create_goal', 'update_goal']);
    expect(request.toolChoice).toEqual({ type: 'auto' });
    expect(warnings.map((warning) => warning.feature)).toEqual(['tool:namespace', 'tool:web_search']);
  });

  it('replays Codex CLI’s tool-output turn: the call and its output pair up as canonical tool call and result', () => {
    const { request } = parseResponsesRequest(fixture('codex-exec-tool-output-turn.json'));
    const [user, assistant, result] = request.messages;
    expect(user?.role).toBe('user');
    expect(assistant).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Running it.' },
        { type: 'tool-call', id: 'call_exec', name: 'exec_command', input: { cmd: 'echo sluice-$((6*7))' } },
      ],
    });
    expect(result).toMatchObject({ role: 'user', content: [{ type: 'tool-result', toolCallId: 'call_exec', content: [{ type: 'text', text: expect.stringContaining('sluice-42') }] }] });
  });

  it('replays Codex CLI’s apply_patch turn: the grammar tool, its custom call and output survive the canonical model', () => {
    const { request, echo } = parseResponsesRequest(fixture('codex-apply-patch-output-turn.json'));
    expect([...echo.customToolNames]).toEqual(['apply_patch']);
    // A Response does not echo the input; the renderer, which lives as long as the answer streams, does not keep it.
    expect(echo.body).not.toHaveProperty('input');
    expect(echo.body.tools).toBeDefined();
    const tool = request.tools.find((candidate) => candidate.name === 'apply_patch');
    expect(JSON.stringify(tool?.inputSchema)).toContain('begin_patch');
    const [call, output] = request.messages.slice(-2);
    expect(call).toEqual({
      role: 'assistant',
      content: [{ type: 'tool-call', id: 'call_patch', name: 'apply_patch', input: { input: '*** Begin Patch\n*** Add File: hello.txt\n+written through sluice\n*** End Patch\n' } }],
    });
    expect(output).toMatchObject({ role: 'user', content: [{ type: 'tool-result', toolCallId: 'call_patch', content: [{ type: 'text', text: expect.stringContaining('Success. Updated the following files') }] }] });
  });

  it('carries custom tools as a one-string function and restores their calls as custom_tool_call with the raw input', () => {
    const patch = '*** Begin Patch\n*** Add File: a.txt\n+hi\n*** End Patch';
    const body = {
      model: 'gpt-5.1-codex',
      tools: [{ type: 'custom', name: 'apply_patch', description: 'Edit files', format: { type: 'grammar', syntax: 'lark', definition: 'start: begin_patch' } }],
      input: [
        { role: 'user', content: 'add a file' },
        { type: 'custom_tool_call', call_id: 'call_p', name: 'apply_patch', input: patch },
        { type: 'custom_tool_call_output', call_id: 'call_p', output: 'Done!' },
      ],
    };
    const { request, echo } = parseResponsesRequest(body);
    expect(request.tools[0]).toMatchObject({ name: 'apply_patch', inputSchema: { required: ['input'], properties: { input: { type: 'string' } } } });
    expect(JSON.stringify(request.tools[0]?.inputSchema)).toContain('start: begin_patch');
    expect(request.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'tool-call', id: 'call_p', name: 'apply_patch', input: { input: patch } }] });
    const rendered = renderResponsesResponse(
      { id: 'x', content: [{ type: 'tool-call', id: 'call_q', name: 'apply_patch', input: { input: patch }, rawInput: JSON.stringify({ input: patch }) }], finishReason: 'tool-calls', usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 } },
      'gpt-5.1-codex',
      echo,
    );
    expect(rendered.output).toEqual([expect.objectContaining({ type: 'custom_tool_call', call_id: 'call_q', name: 'apply_patch', input: patch })]);
  });

  it('round-trips reasoning: summary with encrypted_content as a signed reasoning part, encrypted only as redacted reasoning', () => {
    const { request } = parseResponsesRequest({
      model: 'm',
      input: [
        { role: 'user', content: 'q' },
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'thinking' }], encrypted_content: 'sig' },
        { type: 'reasoning', id: 'rs_2', summary: [], encrypted_content: 'opaque' },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'a' }, { type: 'refusal', refusal: 'no' }] },
      ],
    });
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'thinking', signature: 'sig' },
        { type: 'redacted-reasoning', data: 'opaque' },
        { type: 'text', text: 'a' },
        { type: 'text', text: 'no' },
      ],
    });
  });

  it('maps instructions, reasoning effort, text.format, sampling and limits', () => {
    const { request } = parseResponsesRequest({
      model: 'm',
      instructions: 'Be brief.',
      input: 'hi',
      reasoning: { effort: 'high', summary: 'auto' },
      text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true } },
      max_output_tokens: 300,
      temperature: 0.5,
      top_p: 0.9,
      parallel_tool_calls: false,
      tool_choice: { type: 'function', name: 'f' },
    });
    expect(request).toMatchObject({
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      reasoning: { mode: 'enabled', effort: 'high' },
      responseFormat: { type: 'json-schema', name: 'answer', schema: { type: 'object' }, strict: true },
      maxOutputTokens: 300,
      temperature: 0.5,
      topP: 0.9,
      parallelToolCalls: false,
      toolChoice: { type: 'tool', name: 'f' },
    });
    expect(parseResponsesRequest({ model: 'm', input: 'x', text: { format: { type: 'json_object' } } }).request.responseFormat).toEqual({ type: 'json-object' });
  });

  it('rejects bad input with a 400 naming the field', () => {
    expect(() => parseResponsesRequest({ input: 'hi' })).toThrow(InvalidRequestError);
    expect(() => parseResponsesRequest({ model: 'm', input: [{ type: 'function_call', name: 'f' }] })).toThrow(/input\[0\]\.call_id/);
    expect(() => parseResponsesRequest({ model: 'm', input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'ftp://x' }] }] })).toThrow(/image_url/);
  });
});
