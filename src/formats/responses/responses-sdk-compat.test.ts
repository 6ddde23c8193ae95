import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { collectStream } from '../../core/collect-stream.js';
import type { StreamEvent } from '../../core/stream-event.js';
import {
  cachedUsageEvents,
  errorMidStreamEvents,
  replayEvents,
  replayThenThrow,
  textOnlyEvents,
  thinkingTextToolsEvents,
  thinkingThenInterleavedToolsEvents,
} from '../__fixtures__/canonical-stream-fixtures.js';
import { collectFrames, fetchReturningJson, fetchReturningStream } from '../__fixtures__/fetch-returning.js';
import { parseResponsesRequest } from './parse-responses-request.js';
import { renderResponsesResponse } from './render-responses-response.js';
import { renderResponsesStream } from './render-responses-stream.js';

const params = { model: 'gpt-test', input: 'hi' };
const echoOf = (body: Record<string, unknown>) => parseResponsesRequest({ ...params, ...body }).echo;

function client(events: () => AsyncIterable<StreamEvent>, body: Record<string, unknown> = {}): OpenAI {
  const render = () => renderResponsesStream(events(), { model: 'gpt-test', echo: echoOf(body) });
  return new OpenAI({ apiKey: 'test', baseURL: 'http://127.0.0.1:1/v1', fetch: fetchReturningStream(render), maxRetries: 0 });
}

describe('official openai SDK reads our Responses stream', () => {
  it('accumulates text, and finalResponse equals response.completed and the concatenated deltas', async () => {
    const stream = client(() => replayEvents(textOnlyEvents)).responses.stream(params);
    let deltas = '';
    let completed: unknown;
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') deltas += event.delta;
      if (event.type === 'response.completed') completed = event.response;
    }
    const final = await stream.finalResponse();
    expect(final.output_text).toBe('Hello, world!');
    expect(deltas).toBe('Hello, world!');
    expect(final.status).toBe('completed');
    expect(final.usage).toMatchObject({ input_tokens: 12, output_tokens: 5, total_tokens: 17 });
    expect(final.output).toMatchObject((completed as { output: object[] }).output);
  });

  it('carries reasoning (with its signature as encrypted_content), text and both function calls in order', async () => {
    const final = await client(() => replayEvents(thinkingTextToolsEvents)).responses.stream(params).finalResponse();
    expect(final.output.map((item) => item.type)).toEqual(['reasoning', 'message', 'function_call', 'function_call']);
    expect(final.output[0]).toMatchObject({ summary: [{ type: 'summary_text', text: 'The user wants the weather in two cities.' }], encrypted_content: 'c2lnbmF0dXJl' });
    expect(final.output.slice(2)).toEqual([
      expect.objectContaining({ call_id: 'toolu_paris', name: 'get_weather', arguments: '{"city":"Paris"}', status: 'completed' }),
      expect.objectContaining({ call_id: 'toolu_tokyo', name: 'get_weather', arguments: '{"city":"Tokyo"}', status: 'completed' }),
    ]);
    expect(final.usage?.output_tokens_details.reasoning_tokens).toBe(20);
  });

  it('keeps interleaved tool inputs apart', async () => {
    const final = await client(() => replayEvents(thinkingThenInterleavedToolsEvents)).responses.stream(params).finalResponse();
    const calls = final.output.filter((item) => item.type === 'function_call');
    expect(calls.map((call) => call.type === 'function_call' && JSON.parse(call.arguments))).toHaveLength(2);
    for (const call of calls) if (call.type === 'function_call') expect(() => JSON.parse(call.arguments) as unknown).not.toThrow();
  });

  it('reports cached tokens as input_tokens_details.cached_tokens, counted in input_tokens', async () => {
    const final = await client(() => replayEvents(cachedUsageEvents)).responses.stream(params).finalResponse();
    const expected = await collectStream(replayEvents(cachedUsageEvents));
    const prompt = expected.usage.inputTokens + expected.usage.cacheReadTokens + expected.usage.cacheWriteTokens;
    expect(final.usage).toMatchObject({ input_tokens: prompt, input_tokens_details: { cached_tokens: expected.usage.cacheReadTokens } });
  });

  it('renders custom tool calls as custom_tool_call with the raw input, delta then done', async () => {
    const events: StreamEvent[] = [
      { type: 'message-start' },
      { type: 'tool-input-start', id: 'call_patch', name: 'apply_patch' },
      { type: 'tool-input-delta', id: 'call_patch', delta: '{"input":"*** Begin Patch\\n' },
      { type: 'tool-input-delta', id: 'call_patch', delta: '*** End Patch"}' },
      { type: 'tool-input-end', id: 'call_patch' },
      { type: 'finish', reason: 'tool-calls' },
    ];
    const body = { tools: [{ type: 'custom', name: 'apply_patch', format: { type: 'grammar', syntax: 'lark', definition: 'start: x' } }] };
    const frames = await collectFrames(renderResponsesStream(replayEvents(events), { model: 'gpt-test', echo: echoOf(body) }));
    const types = frames.map((frame) => /^event: (\S+)/.exec(frame)?.[1]);
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.custom_tool_call_input.delta',
      'response.custom_tool_call_input.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const final = await client(() => replayEvents(events), body).responses.stream({ ...params, ...body } as never).finalResponse();
    expect(final.output).toEqual([expect.objectContaining({ type: 'custom_tool_call', call_id: 'call_patch', name: 'apply_patch', input: '*** Begin Patch\n*** End Patch' })]);
    expect(final.output[0]).not.toHaveProperty('status');
  });

  it('ends an answer cut by max_output_tokens with response.incomplete and its reason', async () => {
    const events: StreamEvent[] = [...textOnlyEvents.slice(0, -1), { type: 'finish', reason: 'length' }];
    const stream = client(() => replayEvents(events)).responses.stream(params);
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.at(-1)).toBe('response.incomplete');
    const frames = await collectFrames(renderResponsesStream(replayEvents(events), { model: 'gpt-test', echo: echoOf({}) }));
    expect(JSON.parse(frames.at(-1)!.split('data: ')[1]!)).toMatchObject({ response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } } });
  });

  it('numbers every event in order from 0', async () => {
    const frames = await collectFrames(renderResponsesStream(replayEvents(thinkingTextToolsEvents), { model: 'gpt-test', echo: echoOf({}) }));
    const numbers = frames.map((frame) => (JSON.parse(frame.split('data: ')[1]!) as { sequence_number: number }).sequence_number);
    expect(numbers).toEqual(numbers.map((_, index) => index));
  });

  it('ends a failing stream with response.failed, which the SDK reports as a failed response', async () => {
    const frames = await collectFrames(renderResponsesStream(replayEvents(errorMidStreamEvents), { model: 'gpt-test', echo: echoOf({}) }));
    expect(frames.at(-1)).toMatch(/^event: response\.failed\n/);
    const thrown = await collectFrames(renderResponsesStream(replayThenThrow(textOnlyEvents.slice(0, 3), new Error('socket reset')), { model: 'gpt-test', echo: echoOf({}) }));
    expect(JSON.parse(thrown.at(-1)!.split('data: ')[1]!)).toMatchObject({ type: 'response.failed', response: { status: 'failed', error: { code: 'server_error' } } });
    const final = await client(() => replayEvents(errorMidStreamEvents)).responses.stream(params).finalResponse();
    expect(final).toMatchObject({ status: 'failed', error: { code: 'server_error' } });
  });

  it('non-streaming: responses.create parses the same output', async () => {
    const result = await collectStream(replayEvents(thinkingTextToolsEvents));
    const body = renderResponsesResponse(result, 'gpt-test', echoOf({}));
    const openai = new OpenAI({ apiKey: 'test', baseURL: 'http://127.0.0.1:1/v1', fetch: fetchReturningJson(body), maxRetries: 0 });
    const response = await openai.responses.create(params);
    expect(response.output_text).toBe('Let me check both.');
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message', 'function_call', 'function_call']);
    expect(response.usage?.total_tokens).toBe(184);
  });
});
