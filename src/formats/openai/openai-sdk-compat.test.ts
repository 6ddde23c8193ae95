import OpenAI from 'openai';
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
import { renderOpenAIResponse } from './render-openai-response.js';
import { renderOpenAIStream } from './render-openai-stream.js';

const params = { model: 'gpt-test', messages: [{ role: 'user' as const, content: 'hi' }] };

function streamingClient(events: () => AsyncIterable<StreamEvent>): OpenAI {
  const render = () => renderOpenAIStream(events(), { model: 'gpt-test', includeUsage: true });
  return new OpenAI({ apiKey: 'test', baseURL: 'http://127.0.0.1:1/v1', fetch: fetchReturningStream(render), maxRetries: 0 });
}

async function finalCompletion(events: StreamEvent[]) {
  const client = streamingClient(() => replayEvents(events));
  return client.chat.completions.stream({ ...params, stream_options: { include_usage: true } }).finalChatCompletion();
}

describe('official openai SDK reads our Chat Completions stream', () => {
  it('reconstructs plain text and usage', async () => {
    const completion = await finalCompletion(textOnlyEvents);
    expect(completion.choices[0]?.message.content).toBe('Hello, world!');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 });
  });

  it('reconstructs text and two tool calls after reasoning, with contiguous tool indices', async () => {
    const completion = await finalCompletion(thinkingTextToolsEvents);
    const message = completion.choices[0]?.message;
    expect(message?.content).toBe('Let me check both.');
    expect(message?.tool_calls).toEqual([
      { id: 'toolu_paris', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { id: 'toolu_tokyo', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' } },
    ]);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBe(20);
  });

  it('delivers reasoning as reasoning_content deltas the SDK passes through', async () => {
    const client = streamingClient(() => replayEvents(thinkingTextToolsEvents));
    const stream = await client.chat.completions.create({ ...params, stream: true });
    let reasoning = '';
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { reasoning_content?: string } | undefined;
      reasoning += delta?.reasoning_content ?? '';
    }
    expect(reasoning).toBe('The user wants the weather in two cities.');
  });

  it('reconstructs interleaved tool calls that follow reasoning directly', async () => {
    const completion = await finalCompletion(thinkingThenInterleavedToolsEvents);
    const message = completion.choices[0]?.message;
    expect(message?.content).toBeNull();
    expect(message?.tool_calls).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'lookup', arguments: '{"key":"a"}' } },
      { id: 'call_b', type: 'function', function: { name: 'lookup', arguments: '{"key":"b"}' } },
    ]);
  });

  it('joins tool arguments split into many fragments', async () => {
    const completion = await finalCompletion(fragmentedToolEvents);
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ path: '/tmp/a b.txt', lines: [1, 2, 3] });
    expect(completion.choices[0]?.message.content).toBeNull();
  });

  it('reports cached prompt tokens inside prompt_tokens', async () => {
    const completion = await finalCompletion(cachedUsageEvents);
    expect(completion.usage).toMatchObject({
      prompt_tokens: 2310,
      completion_tokens: 4,
      total_tokens: 2314,
      prompt_tokens_details: { cached_tokens: 2000 },
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
  });

  it('surfaces a mid-stream error as an APIError', async () => {
    await expect(finalCompletion(errorMidStreamEvents)).rejects.toThrow(/Upstream overloaded/);
  });

  it('surfaces a throwing source as an APIError instead of a silent close', async () => {
    const client = streamingClient(() => replayThenThrow(textOnlyEvents.slice(0, 3), new Error('socket hang up')));
    const final = client.chat.completions.stream(params).finalChatCompletion();
    await expect(final).rejects.toThrow(/upstream stream failed/);
  });
});

describe('official openai SDK reads our Chat Completions JSON', () => {
  it.each([
    ['text', textOnlyEvents],
    ['reasoning, text and tools', thinkingTextToolsEvents],
    ['fragmented tool', fragmentedToolEvents],
    ['cached usage', cachedUsageEvents],
  ])('create() parses %s', async (_name, events) => {
    const body = renderOpenAIResponse(await collectStream(replayEvents(events)), 'gpt-test', 1_700_000_000);
    const client = new OpenAI({ apiKey: 'test', baseURL: 'http://127.0.0.1:1/v1', fetch: fetchReturningJson(body) });
    const completion = await client.chat.completions.create(params);
    expect(completion).toEqual(body);
    expect(completion.object).toBe('chat.completion');
  });
});
