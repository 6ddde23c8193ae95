import { describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../core/errors/upstream-unavailable-error.js';
import type { Usage } from '../core/usage.js';
import type { PassthroughResponse } from '../providers/provider-adapter.js';
import { isWholePassthrough, respondPassthroughWhole, type PassthroughOptions } from './respond-passthrough.js';

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
