import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { collectStream } from '../../core/collect-stream.js';
import type { StreamEvent } from '../../core/stream-event.js';
import {
  cachedUsageEvents,
  errorMidStreamEvents,
  fragmentedToolEvents,
  replayEvents,
  replayThenThrow,
  textOnlyEvents,
  thinkingTextToolsEvents,
  thinkingThenInterleavedToolsEvents,
} from '../__fixtures__/canonical-stream-fixtures.js';
import { fetchReturningJson, fetchReturningStream } from '../__fixtures__/fetch-returning.js';
import { renderAnthropicResponse } from './render-anthropic-response.js';
import { renderAnthropicStream } from './render-anthropic-stream.js';

const params = { model: 'claude-test', max_tokens: 1024, messages: [{ role: 'user' as const, content: 'hi' }] };

function streamingClient(events: () => AsyncIterable<StreamEvent>): Anthropic {
  const render = () => renderAnthropicStream(events(), { model: 'claude-test', id: 'msg_fixed' });
  return new Anthropic({ apiKey: 'test', baseURL: 'http://127.0.0.1:1', fetch: fetchReturningStream(render), maxRetries: 0 });
}

const finalMessage = (events: StreamEvent[]) => streamingClient(() => replayEvents(events)).messages.stream(params).finalMessage();

describe('official Anthropic SDK reads our Messages stream', () => {
  it('reconstructs plain text and usage', async () => {
    const message = await finalMessage(textOnlyEvents);
    expect(message.content).toEqual([{ type: 'text', text: 'Hello, world!' }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({ input_tokens: 12, output_tokens: 5 });
  });

  it('reconstructs signed thinking, text and two tool calls in order', async () => {
    const message = await finalMessage(thinkingTextToolsEvents);
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'The user wants the weather in two cities.', signature: 'c2lnbmF0dXJl' },
      { type: 'text', text: 'Let me check both.' },
      { type: 'tool_use', id: 'toolu_paris', name: 'get_weather', input: { city: 'Paris' } },
      { type: 'tool_use', id: 'toolu_tokyo', name: 'get_weather', input: { city: 'Tokyo' } },
    ]);
    expect(message.stop_reason).toBe('tool_use');
    expect(message.usage).toMatchObject({ input_tokens: 120, output_tokens: 64 });
  });

  it('reconstructs interleaved tool calls that follow thinking directly', async () => {
    const message = await finalMessage(thinkingThenInterleavedToolsEvents);
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Two lookups at once.', signature: '' },
      { type: 'tool_use', id: 'call_a', name: 'lookup', input: { key: 'a' } },
      { type: 'tool_use', id: 'call_b', name: 'lookup', input: { key: 'b' } },
    ]);
    expect(message.stop_reason).toBe('tool_use');
  });

  it('joins input_json_delta fragments into the tool input', async () => {
    const message = await finalMessage(fragmentedToolEvents);
    expect(message.content).toEqual([
      { type: 'tool_use', id: 'call_read', name: 'read_file', input: { path: '/tmp/a b.txt', lines: [1, 2, 3] } },
    ]);
  });

  it('reports cache read and write tokens', async () => {
    const message = await finalMessage(cachedUsageEvents);
    expect(message.usage).toMatchObject({
      input_tokens: 10,
      output_tokens: 4,
      cache_read_input_tokens: 2000,
      cache_creation_input_tokens: 300,
    });
    expect(message.stop_reason).toBe('max_tokens');
  });

  it('surfaces a mid-stream error event as an error', async () => {
    await expect(finalMessage(errorMidStreamEvents)).rejects.toThrow(/Upstream overloaded/);
  });

  it('surfaces a throwing source as an error instead of a silent close', async () => {
    const client = streamingClient(() => replayThenThrow(textOnlyEvents.slice(0, 3), new Error('socket hang up')));
    await expect(client.messages.stream(params).finalMessage()).rejects.toThrow(/upstream stream failed/);
  });
});

describe('official Anthropic SDK reads our Messages JSON', () => {
  it.each([
    ['text', textOnlyEvents],
    ['thinking, text and tools', thinkingTextToolsEvents],
    ['fragmented tool', fragmentedToolEvents],
    ['cached usage', cachedUsageEvents],
  ])('create() parses %s', async (_name, events) => {
    const body = renderAnthropicResponse(await collectStream(replayEvents(events)), 'claude-test');
    const client = new Anthropic({ apiKey: 'test', baseURL: 'http://127.0.0.1:1', fetch: fetchReturningJson(body) });
    const message = await client.messages.create(params);
    expect(message).toEqual(body);
  });
});
