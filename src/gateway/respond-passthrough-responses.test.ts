import { describe, expect, it } from 'vitest';
import type { Usage } from '../core/usage.js';
import type { PassthroughResponse } from '../providers/provider-adapter.js';
import { respondPassthrough, respondPassthroughWhole, type PassthroughOptions } from './respond-passthrough.js';

/** OpenAI Responses answers relayed unchanged: usage read from them, the model renamed, failures in-format. */
const encoder = new TextEncoder();
const usage = { input_tokens: 2006, input_tokens_details: { cached_tokens: 1920 }, output_tokens: 300, output_tokens_details: { reasoning_tokens: 64 }, total_tokens: 2306 };
const completed = { type: 'response.completed', sequence_number: 3, response: { id: 'resp_1', object: 'response', model: 'gpt-upstream', output: [], usage } };
const frames = [
  `event: response.created\ndata: ${JSON.stringify({ type: 'response.created', sequence_number: 0, response: { id: 'resp_1', model: 'gpt-upstream', output: [], usage: null } })}\n\n`,
  `event: response.output_text.delta\ndata: ${JSON.stringify({ type: 'response.output_text.delta', sequence_number: 1, delta: 'Hi' })}\n\n`,
  `event: response.completed\ndata: ${JSON.stringify(completed)}\n\n`,
];

function upstreamOf(chunks: string[], contentType: string, failAfter?: () => unknown): PassthroughResponse {
  return {
    status: 200,
    headers: { 'content-type': contentType },
    body: (async function* () {
      for (const chunk of chunks) yield encoder.encode(chunk);
      if (failAfter) throw failAfter();
    })(),
  };
}

function optionsWith(overrides: Partial<PassthroughOptions> = {}): { options: PassthroughOptions; seen: Array<{ usage: Usage; error: unknown }> } {
  const seen: Array<{ usage: Usage; error: unknown }> = [];
  return {
    seen,
    options: { requestedModel: 'gpt-upstream', upstreamModel: 'gpt-upstream', stream: true, format: 'openai-responses', onDone: (value, error) => seen.push({ usage: value, error }), ...overrides },
  };
}

const expectedUsage = { inputTokens: 86, cacheReadTokens: 1920, outputTokens: 300, reasoningTokens: 64 };

describe('Responses passthrough', () => {
  it('relays the stream byte for byte and reads the usage of response.completed', async () => {
    const { options, seen } = optionsWith();
    const response = respondPassthrough(upstreamOf(frames, 'text/event-stream'), options);
    expect(await response.text()).toBe(frames.join(''));
    expect(seen).toEqual([{ usage: expect.objectContaining(expectedUsage), error: undefined }]);
  });

  it('renames the model inside the nested response object when a mapping applies', async () => {
    const { options } = optionsWith({ requestedModel: 'codex-alias' });
    const text = await respondPassthrough(upstreamOf(frames, 'text/event-stream'), options).text();
    expect(text).not.toContain('gpt-upstream');
    expect(text.match(/codex-alias/g)).toHaveLength(2);
  });

  it('reads the usage of a whole JSON Response', async () => {
    const { options, seen } = optionsWith({ stream: false });
    await respondPassthroughWhole(upstreamOf([JSON.stringify(completed.response)], 'application/json'), options);
    expect(seen[0]!.usage).toMatchObject(expectedUsage);
  });

  it('ends a stream cut mid-answer with an OpenAI error event', async () => {
    const { options, seen } = optionsWith();
    const text = await respondPassthrough(upstreamOf(frames.slice(0, 2), 'text/event-stream', () => new Error('socket reset')), options).text();
    const last = text.trim().split('\n\n').at(-1)!;
    expect(last.split('\n')[0]).toBe('event: error');
    expect(JSON.parse(last.split('data: ')[1]!)).toMatchObject({ type: 'error', code: 'upstream_unavailable' });
    expect(seen[0]!.error).toBeDefined();
  });
});
