import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type RunningFake } from '../../tests/fakes/anthropic-fake.js';
import type { AnthropicFakeScenario } from '../../tests/fakes/anthropic-fake-scenario.js';
import { startFakeOpenAI } from '../../tests/fakes/openai-fake.js';
import { makeAccount } from '../pool/testing/make-account.js';
import { createOpenAIAdapter } from '../providers/openai/openai-adapter.js';
import { handleChat } from './handle-chat.js';
import { createPoolGateway, jsonLinesRenderer, poolInvocation } from './testing/create-pool-gateway.js';

interface Broken {
  contentType: string;
  body: string;
  /** Sent after `body` once this many ms have passed (a healthy stream that takes its time). */
  later?: { afterMs: number; body: string };
}

/** An upstream that answers every call with 200 and whatever the test set. */
function startBrokenUpstream(): Promise<{ server: Server; url: string; set(answer: Broken): void }> {
  let answer: Broken = { contentType: 'text/html', body: '<html></html>' };
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': answer.contentType });
    response.write(answer.body);
    const later = answer.later;
    if (!later) return void response.end();
    setTimeout(() => response.end(later.body), later.afterMs);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, set: (next) => void (answer = next) }),
    ),
  );
}

const accountAt = (id: string, baseUrl: string, priority: number) =>
  makeAccount(id, { priority, upstream: { id, name: id, provider: 'anthropic', baseUrl, credentials: { api_key: 'k' }, settings: {} } });

const malformed: Array<{ name: string; stream: boolean; answer: Broken }> = [
  { name: 'an HTML page', stream: true, answer: { contentType: 'text/html; charset=utf-8', body: '<html><body>502 Bad Gateway</body></html>' } },
  { name: 'cut JSON', stream: false, answer: { contentType: 'application/json', body: '{"id":"msg_1","type":"message","content":[{"type":"te' } },
  { name: 'garbage SSE', stream: true, answer: { contentType: 'text/event-stream', body: 'event: message_start\ndata: <<garbage>>\n\n' } },
  { name: 'an SSE stream that ends before any event', stream: true, answer: { contentType: 'text/event-stream', body: ': keep-alive\n' } },
  {
    name: 'an error inside a 200 stream',
    stream: true,
    answer: { contentType: 'text/event-stream', body: 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n' },
  },
  { name: 'an error inside a 200 JSON body', stream: false, answer: { contentType: 'application/json', body: '{"error":{"message":"quota","type":"insufficient_quota"}}' } },
];

describe('passthrough: a malformed upstream 200 is an upstream failure', () => {
  let broken: Awaited<ReturnType<typeof startBrokenUpstream>>;
  let healthy: RunningFake<AnthropicFakeScenario>;
  beforeAll(async () => {
    [broken, healthy] = await Promise.all([startBrokenUpstream(), startFakeAnthropic()]);
  });
  afterAll(async () => {
    broken.server.closeAllConnections();
    await Promise.all([new Promise((resolve) => broken.server.close(resolve)), healthy.close()]);
  });

  it.each(malformed)('fails over from $name and penalises the account lightly', async ({ stream, answer }) => {
    broken.set(answer);
    const gateway = createPoolGateway({ accounts: [accountAt('broken', broken.url, 10), accountAt('healthy', healthy.url, 0)] });
    const response = await handleChat(poolInvocation({ stream, format: 'anthropic-messages' }), jsonLinesRenderer, gateway.deps);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(stream ? 'event: message_stop' : '"text":"Hello from the fake."');
    expect(gateway.outcomes[0]).toMatchObject({ status: 'success', accountId: 'healthy' });
    const penalised = gateway.store.get('broken')!;
    expect(penalised.status).toBe('cooling');
    expect((penalised.cooldownUntil ?? 0) - Date.now()).toBeLessThanOrEqual(2_000);
  });

  it('fails over from a stream that sends headers and then nothing, after the stream idle timeout', async () => {
    broken.set({ contentType: 'text/event-stream', body: '', later: { afterMs: 5_000, body: '' } });
    const gateway = createPoolGateway({
      accounts: [accountAt('silent', broken.url, 10), accountAt('healthy', healthy.url, 0)],
      settings: { stream_idle_timeout_ms: 1_000 },
    });
    const started = Date.now();
    const response = await handleChat(poolInvocation({ stream: true, format: 'anthropic-messages' }), jsonLinesRenderer, gateway.deps);
    expect(await response.text()).toContain('event: message_stop');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(gateway.outcomes[0]).toMatchObject({ status: 'success', accountId: 'healthy' });
    expect(gateway.store.get('silent')).toMatchObject({ status: 'cooling' });
  }, 10_000);

  it('answers 502 when no account is left', async () => {
    broken.set(malformed[0]!.answer);
    const gateway = createPoolGateway({ accounts: [accountAt('broken', broken.url, 10)] });
    const error = await handleChat(poolInvocation({ stream: true, format: 'anthropic-messages' }), jsonLinesRenderer, gateway.deps).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, kind: 'upstream_unavailable' });
    expect((error as Error).message).toContain('text/html');
    expect(gateway.outcomes[0]).toMatchObject({ status: 'error', httpStatus: 502 });
  });

  it('still relays a healthy stream without waiting for more than its first event', async () => {
    const first = 'event: message_start\ndata: {"type":"message_start","message":{"id":"m","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"usage":{"input_tokens":1,"output_tokens":1}}}\n\n';
    broken.set({ contentType: 'text/event-stream', body: first, later: { afterMs: 1_500, body: 'event: message_stop\ndata: {"type":"message_stop"}\n\n' } });
    const gateway = createPoolGateway({ accounts: [accountAt('slow', broken.url, 0)] });
    const started = Date.now();
    const response = await handleChat(poolInvocation({ stream: true, format: 'anthropic-messages' }), jsonLinesRenderer, gateway.deps);
    const reader = response.body!.getReader();
    const chunk = await reader.read();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(new TextDecoder().decode(chunk.value)).toBe(first);
    await reader.cancel();
  });

  it('does the same for OpenAI-shaped accounts', async () => {
    const openai = await startFakeOpenAI();
    try {
      broken.set({ contentType: 'text/event-stream', body: 'data: {"choices":[{"delta":{"content":"hi"\n\n' });
      const at = (id: string, baseUrl: string, priority: number) =>
        makeAccount(id, { provider: 'openai', priority, upstream: { id, name: id, provider: 'openai', baseUrl, credentials: { api_key: 'k' }, settings: {} } });
      const gateway = createPoolGateway({ accounts: [at('broken', broken.url, 10), at('healthy', openai.url, 0)], adapter: createOpenAIAdapter() });
      const response = await handleChat(poolInvocation({ stream: true, format: 'openai-chat' }), jsonLinesRenderer, gateway.deps);
      expect(await response.text()).toContain('data: [DONE]');
      expect(gateway.outcomes[0]).toMatchObject({ status: 'success', accountId: 'healthy' });
      expect(gateway.store.get('broken')!.status).toBe('cooling');
    } finally {
      await openai.close();
    }
  });
});
