import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicReplyFrames } from '../../tests/fakes/anthropic-fake-events.js';
import { anthropicText, type AnthropicFakeScenario } from '../../tests/fakes/anthropic-fake-scenario.js';
import { makeAccount } from '../pool/testing/make-account.js';
import { handleChat } from './handle-chat.js';
import { createPoolGateway, jsonLinesRenderer, poolInvocation } from './testing/create-pool-gateway.js';

const streams = 300;
/** Longest a stream is held open when not all of them arrive (a per-host cap queues the rest). */
const maxHoldMs = 10_000;

/**
 * An Anthropic-shaped upstream whose answers are long streams: the first events at once, the rest
 * only when all `streams` are open at the same moment (or after `maxHoldMs`). The peak of streams
 * open at once is therefore exact, however slow the machine is.
 */
function startLongStreamUpstream(): Promise<{ server: Server; url: string; peak: () => number }> {
  const held: Array<{ response: ServerResponse; rest: string }> = [];
  let peak = 0;
  const reply = anthropicText('Hello from the fake.') as Extract<AnthropicFakeScenario, { kind: 'reply' }>;
  const releaseAll = () => {
    for (const { response, rest } of held.splice(0)) response.end(rest);
  };
  const server = createServer((request, response) => {
    request.resume();
    const frames = anthropicReplyFrames(reply, 'claude-sonnet-4-5', 'msg_long').map((frame) => `event: ${frame.event}\ndata: ${JSON.stringify(frame.data)}\n\n`);
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(frames.slice(0, 4).join(''));
    const entry = { response, rest: frames.slice(4).join('') };
    held.push(entry);
    peak = Math.max(peak, held.length);
    if (held.length >= streams) return releaseAll();
    setTimeout(() => {
      const index = held.indexOf(entry);
      if (index >= 0) held.splice(index, 1)[0]!.response.end(entry.rest);
    }, maxHoldMs);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, peak: () => peak })),
  );
}

describe(`${streams} concurrent long streams over two accounts on one host`, () => {
  let upstream: Awaited<ReturnType<typeof startLongStreamUpstream>>;
  beforeAll(async () => {
    upstream = await startLongStreamUpstream();
  });
  afterAll(async () => {
    upstream.server.closeAllConnections();
    await new Promise((resolve) => upstream.server.close(resolve));
  });

  it('runs them all at once, and no healthy account is cooled for a wait on our side', async () => {
    const gateway = createPoolGateway({
      accounts: ['one', 'two'].map((id) => makeAccount(id, { upstream: { id, name: id, provider: 'anthropic', baseUrl: upstream.url, credentials: { api_key: 'k' }, settings: {} } })),
      settings: { routing_strategy: 'round_robin', first_byte_timeout_ms: 8_000 },
    });
    const results = await Promise.allSettled(
      Array.from({ length: streams }, async () => {
        const response = await handleChat(poolInvocation({ stream: true, format: 'openai-chat' }), jsonLinesRenderer, gateway.deps);
        return await response.text();
      }),
    );
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(0);
    expect(results.every((result) => result.status === 'fulfilled' && result.value.includes('"finish"'))).toBe(true);
    expect(upstream.peak()).toBe(streams);
    expect(gateway.store.get('one')!.status).toBe('active');
    expect(gateway.store.get('two')!.status).toBe('active');
  }, 25_000);
});
