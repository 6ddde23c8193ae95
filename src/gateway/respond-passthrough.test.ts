import { describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../core/errors/upstream-unavailable-error.js';
import type { Usage } from '../core/usage.js';
import type { PassthroughResponse } from '../providers/provider-adapter.js';
import { isWholePassthrough, respondPassthrough, respondPassthroughWhole, type PassthroughOptions } from './respond-passthrough.js';

const encoder = new TextEncoder();
const answer = JSON.stringify({ id: 'msg_1', type: 'message', model: 'claude-upstream', content: [], usage: { input_tokens: 7, output_tokens: 3 } });

function upstreamOf(chunks: string[], failAfter?: () => unknown): PassthroughResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: (async function* () {
      for (const chunk of chunks) yield encoder.encode(chunk);
      if (failAfter) throw failAfter();
    })(),
  };
}

function optionsWith(overrides: Partial<PassthroughOptions> = {}): { options: PassthroughOptions; seen: Array<{ usage: Usage; error: unknown }> } {
  const seen: Array<{ usage: Usage; error: unknown }> = [];
  const options: PassthroughOptions = {
    requestedModel: 'claude-upstream',
    upstreamModel: 'claude-upstream',
    stream: false,
    format: 'anthropic-messages',
    onDone: (usage, error) => seen.push({ usage, error }),
    ...overrides,
  };
  return { options, seen };
}

describe('respondPassthroughWhole', () => {
  it('relays the body unchanged as one buffer and reports its usage once', async () => {
    const { options, seen } = optionsWith();
    const upstream = upstreamOf([answer.slice(0, 20), answer.slice(20)]);
    expect(isWholePassthrough(upstream, options)).toBe(true);
    const response = await respondPassthroughWhole(upstream, options);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe(answer);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.error).toBeUndefined();
    expect(seen[0]!.usage.inputTokens).toBe(7);
  });

  it('renames the model when a mapping applies', async () => {
    const { options } = optionsWith({ requestedModel: 'claude-alias' });
    const response = await respondPassthroughWhole(upstreamOf([answer]), options);
    expect((JSON.parse(await response.text()) as { model: string }).model).toBe('claude-alias');
  });

  it('turns an upstream cut into a typed error, reported once', async () => {
    const { options, seen } = optionsWith();
    await expect(respondPassthroughWhole(upstreamOf([answer.slice(0, 10)], () => new Error('socket closed')), options)).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.error).toBeInstanceOf(UpstreamUnavailableError);
  });

  it('records a cut caused by the client leaving as the client closing', async () => {
    const client = new AbortController();
    const { options, seen } = optionsWith({ clientSignal: client.signal });
    const upstream = upstreamOf([answer.slice(0, 10)], () => {
      client.abort();
      return new Error('aborted');
    });
    await expect(respondPassthroughWhole(upstream, options)).rejects.toMatchObject({ name: 'AbortError' });
    expect((seen[0]!.error as Error).name).toBe('AbortError');
  });

  it('leaves event streams to the streaming relay', () => {
    const { options } = optionsWith({ stream: true });
    expect(isWholePassthrough({ ...upstreamOf([]), headers: { 'content-type': 'text/event-stream' } }, options)).toBe(false);
  });
});

describe('the model a passthrough answer names', () => {
  const sse = (chunks: string[]): PassthroughResponse => ({ ...upstreamOf(chunks), headers: { 'content-type': 'text/event-stream' } });

  it('is the requested one in Anthropic SSE even without a mapping (the upstream resolved an alias)', async () => {
    const events = [
      'event: message_start\ndata: {"type":"message_start","message":{"id":"m","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[],"usage":{"input_tokens":5,"output_tokens":1}}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"the \\"model\\":\\"x\\" stays"}}\n\n',
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":4}}\n\n',
    ];
    const { options, seen } = optionsWith({ requestedModel: 'claude-sonnet-4-5', upstreamModel: 'claude-sonnet-4-5', stream: true });
    const text = await respondPassthrough(sse(events), options).text();
    expect(text).toContain('"model":"claude-sonnet-4-5"');
    expect(text).not.toContain('20250929');
    expect(text).toContain('the \\"model\\":\\"x\\" stays');
    expect(seen[0]!.usage).toMatchObject({ inputTokens: 5, outputTokens: 4 });
  });

  it('is the requested one in every OpenAI chunk and in a JSON answer', async () => {
    const chunk = (content: string) => `data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"content":"${content}"}}]}\n\n`;
    const { options } = optionsWith({ requestedModel: 'gpt-4o', upstreamModel: 'gpt-4o', format: 'openai-chat', stream: true });
    const text = await respondPassthrough(sse([chunk('a'), chunk('b'), 'data: [DONE]\n\n']), options).text();
    expect(text.match(/"model":"gpt-4o"/g)).toHaveLength(2);
    expect(text).not.toContain('2024-08-06');
    const whole = optionsWith({ requestedModel: 'claude-sonnet-4-5', upstreamModel: 'claude-sonnet-4-5' });
    const response = await respondPassthroughWhole(upstreamOf([answer.replace('claude-upstream', 'claude-sonnet-4-5-20250929')]), whole.options);
    expect((JSON.parse(await response.text()) as { model: string }).model).toBe('claude-sonnet-4-5');
  });
});
