import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../core/chat-request.js';
import { answerWithResponseTool } from './answer-with-response-tool.js';

const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
const base: ChatRequest = {
  model: 'm',
  system: [{ type: 'text', text: 'Be brief.' }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Where is the Louvre?' }] }],
  tools: [],
  stream: true,
  responseFormat: { type: 'json-schema', name: 'place', schema, description: 'A place' },
};
const weather = { name: 'get_weather', inputSchema: { type: 'object' } };

describe('answerWithResponseTool', () => {
  it('replaces a JSON schema by one forced tool with that schema, and says so in the system prompt', () => {
    const { request, toolName } = answerWithResponseTool(base, { type: 'json-schema', name: 'place', schema, description: 'A place' });
    expect(toolName).toBe('structured_output');
    expect(request.responseFormat).toBeUndefined();
    expect(request.tools).toEqual([{ name: 'structured_output', description: expect.stringContaining('A place'), inputSchema: schema }]);
    expect(request.toolChoice).toEqual({ type: 'tool', name: 'structured_output' });
    expect(request.parallelToolCalls).toBe(false);
    expect(request.system[0]).toEqual({ type: 'text', text: 'Be brief.' });
    expect(request.system[1]?.text).toContain('"structured_output"');
    expect(base.tools).toEqual([]); // the input is not changed
  });

  it('JSON mode asks for any object', () => {
    const { request } = answerWithResponseTool(base, { type: 'json-object' });
    expect(request.tools[0]?.inputSchema).toEqual({ type: 'object', additionalProperties: true });
  });

  it('beside client tools, requires some tool call instead of forcing its own, and keeps a forced client tool', () => {
    const withTools = { ...base, tools: [weather] };
    expect(answerWithResponseTool(withTools, { type: 'json-object' }).request.toolChoice).toEqual({ type: 'required' });
    expect(answerWithResponseTool(withTools, { type: 'json-object' }).request.parallelToolCalls).toBeUndefined();
    expect(answerWithResponseTool({ ...withTools, toolChoice: { type: 'tool', name: 'get_weather' } }, { type: 'json-object' }).request.toolChoice).toEqual({
      type: 'tool',
      name: 'get_weather',
    });
    expect(answerWithResponseTool({ ...withTools, toolChoice: { type: 'none' } }, { type: 'json-object' }).request.toolChoice).toEqual({
      type: 'tool',
      name: 'structured_output',
    });
  });

  it('picks a name no client tool has', () => {
    const taken = { ...base, tools: [{ ...weather, name: 'structured_output' }, { ...weather, name: 'structured_output_2' }] };
    expect(answerWithResponseTool(taken, { type: 'json-object' }).toolName).toBe('structured_output_3');
  });
});
