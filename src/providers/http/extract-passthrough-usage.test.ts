import { describe, expect, it } from 'vitest';
import { extractPassthroughUsage } from './extract-passthrough-usage.js';

const streamOf = (parts: string[], keepOpen = false): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      if (!keepOpen) controller.close();
    },
  });

describe('extractPassthroughUsage', () => {
  it.each([
    {
      name: 'Anthropic SSE split mid-event',
      format: 'anthropic-messages' as const,
      contentType: 'text/event-stream',
      parts: [
        'event: message_start\ndata: {"type":"message_start","message":{"id":"m","usage":{"input_tokens":10,"cache_read_input_tokens":5,"output_tokens":1}}}\n\nevent: message_de',
        'lta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":42,"credits":0.3}}\n\n',
      ],
      expected: { inputTokens: 10, outputTokens: 42, cacheReadTokens: 5, cacheWriteTokens: 0, credits: 0.3 },
    },
    {
      name: 'OpenAI SSE usage chunk',
      format: 'openai-chat' as const,
      contentType: 'text/event-stream; charset=utf-8',
      parts: ['data: {"choices":[{"delta":{"content":"x"}}],"usage":null}\n\n', 'data: {"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":3,"prompt_tokens_details":{"cached_tokens":4}}}\n\ndata: [DONE]\n\n'],
      expected: { inputTokens: 5, outputTokens: 3, cacheReadTokens: 4, cacheWriteTokens: 0 },
    },
    {
      name: 'OpenAI JSON split in two chunks',
      format: 'openai-chat' as const,
      contentType: 'application/json',
      parts: ['{"id":"c","choices":[],"usage":{"prompt_tok', 'ens":7,"completion_tokens":1}}'],
      expected: { inputTokens: 7, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 },
    },
    { name: 'count_tokens has no usage', format: 'anthropic-count-tokens' as const, contentType: 'application/json', parts: ['{"input_tokens":12}'], expected: null },
    { name: 'a stream without usage', format: 'openai-chat' as const, contentType: 'text/event-stream', parts: ['data: [DONE]\n\n'], expected: null },
  ])('$name', async ({ format, contentType, parts, expected }) => {
    const tap = extractPassthroughUsage(format, streamOf(parts), contentType);
    expect(await new Response(tap.body).text()).toBe(parts.join(''));
    expect(await tap.usage).toEqual(expected);
  });

  it('settles with what it saw when the client cancels', async () => {
    const tap = extractPassthroughUsage(
      'anthropic-messages',
      streamOf(['event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":3,"output_tokens":1}}}\n\n'], true),
      'text/event-stream',
    );
    const reader = tap.body.getReader();
    await reader.read();
    await reader.cancel();
    expect(await tap.usage).toEqual({ inputTokens: 3, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 });
  });
});
