import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../../tests/support/collect-garbage.js';
import { createTestApp, type TestApp } from '../../../../tests/support/create-test-app.js';

/**
 * A coding agent's request is a few hundred kilobytes of JSON, and the model takes seconds to its first
 * token. Sent on unchanged, its parsed forms must not stay on the heap for that wait. Measured as the
 * heap in use, after collection, with several large requests waiting on an upstream that holds its
 * answers: their bytes are kept (off the heap, for a failover), their parse is not.
 */

const waiting = 8;
const turns = Array.from({ length: 200 }, (_, index) => ({ role: index % 2 ? 'assistant' : 'user', content: `${'x'.repeat(4000)} ${index}` }));

/**
 * Each client API that forwards a same-format request as its bytes, with the account that takes it; then
 * requests an Anthropic account takes converted (their bytes are kept for a failover, and the converted
 * body goes to the HTTP client, which lets it go once sent). Converted answers are asked of the upstream
 * whole when short, as the holding upstream gives them.
 */
const cases = [
  {
    route: '/v1/messages',
    account: { provider: 'anthropic', api_key: 'sk-ant-held' },
    body: JSON.stringify({ model: 'held-model', max_tokens: 16, messages: turns }),
  },
  {
    route: '/v1/chat/completions',
    account: { provider: 'openai', api_key: 'sk-held' },
    body: JSON.stringify({ model: 'held-model', messages: turns }),
  },
  {
    route: '/v1/responses',
    account: { provider: 'openai', api_key: 'sk-held' },
    body: JSON.stringify({ model: 'held-model', store: false, input: turns }),
  },
  {
    // Stored: the conversation waits as the JSON it is stored as, off the heap, not as parsed items.
    route: '/v1/responses',
    account: { provider: 'openai', api_key: 'sk-held' },
    body: JSON.stringify({ model: 'held-model', input: turns }),
  },
  {
    route: '/v1/chat/completions',
    account: { provider: 'anthropic', api_key: 'sk-ant-held' },
    body: JSON.stringify({ model: 'held-model', messages: turns, max_tokens: 16 }),
  },
  {
    route: '/v1beta/models/held-model:generateContent',
    account: { provider: 'anthropic', api_key: 'sk-ant-held' },
    body: JSON.stringify({
      contents: turns.map((turn) => ({ role: turn.role === 'assistant' ? 'model' : 'user', parts: [{ text: turn.content }] })),
      generationConfig: { maxOutputTokens: 16 },
    }),
  },
];

/** A whole answer in the format of the upstream path asked. */
function answerFor(path: string): object {
  if (path.endsWith('/messages')) {
    return { id: 'msg_1', type: 'message', role: 'assistant', model: 'held-model', content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 9, output_tokens: 1 } };
  }
  if (path.endsWith('/responses')) {
    return {
      id: 'resp_1', object: 'response', created_at: 1, status: 'completed', model: 'held-model',
      output: [{ type: 'message', id: 'm1', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'ok', annotations: [] }] }],
      usage: { input_tokens: 9, output_tokens: 1, total_tokens: 10 },
    };
  }
  return { id: 'c1', object: 'chat.completion', created: 1, model: 'held-model', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage: { prompt_tokens: 9, completion_tokens: 1, total_tokens: 10 } };
}

interface HoldingUpstream {
  url: string;
  /** Requests read to their end so far. */
  arrived(): number;
  /** From now on, answers wait for `release`. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/** An Anthropic upstream that reads and drops each request, then answers at once or when released. */
function startHoldingUpstream(): Promise<HoldingUpstream> {
  let arrived = 0;
  let holding = false;
  const held: Array<() => void> = [];
  const server = http.createServer((request, response) => {
    const answer = () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answerFor(request.url ?? '')));
    request.resume();
    request.on('end', () => {
      arrived += 1;
      if (holding) held.push(answer);
      else answer();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        arrived: () => arrived,
        hold: () => (holding = true),
        release: () => {
          holding = false;
          for (const answer of held.splice(0)) answer();
        },
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

/**
 * The app on a socket, with a holding upstream; `setUp` adds its account (and key) and returns the key to send
 * with. `body` is read once set up.
 */
function heldGateway(route: string, body: string | (() => string), setUp: (harness: TestApp, upstreamUrl: string) => Promise<string>) {
  const gateway = { upstream: undefined as unknown as HoldingUpstream, send: (): Promise<number> => Promise.reject(new Error('not started')) };
  let harness: TestApp | undefined;
  let server: ServerType | undefined;
  beforeAll(async () => {
    gateway.upstream = await startHoldingUpstream();
    const app = await createTestApp();
    harness = app;
    const key = await setUp(app, gateway.upstream.url);
    const listening: ServerType = await new Promise((resolve) => {
      const started = serve({ fetch: app.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    server = listening;
    const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}${route}`;
    gateway.send = () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: typeof body === 'string' ? body : body() }).then(async (response) => {
        await response.text();
        return response.status;
      });
  });
  afterAll(async () => {
    gateway.upstream?.release();
    await new Promise((resolve) => server?.close(resolve));
    await harness?.close();
    await gateway.upstream?.close();
  });
  return gateway;
}

/**
 * The heap's growth, after collection, with `sent` requests in flight once `arriving` of them have reached the
 * upstream, which holds them; then all are answered.
 */
async function heldGrowth(gateway: ReturnType<typeof heldGateway>, sent: number, arriving: number): Promise<number> {
  const { upstream, send } = gateway;
  // Calls first, so that what a call loads, compiles and caches the first time is not counted.
  expect(await Promise.all([send(), send()])).toEqual([200, 200]);
  await collectGarbage();
  const before = process.memoryUsage().heapUsed;
  upstream.hold();
  const arrivedBefore = upstream.arrived();
  const answers = Array.from({ length: sent }, () => send());
  while (upstream.arrived() < arrivedBefore + arriving) await new Promise((resolve) => setTimeout(resolve, 10));
  // Those that wait for a slot have had time to reach their wait.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await collectGarbage();
  const grown = process.memoryUsage().heapUsed - before;
  expect(upstream.arrived()).toBe(arrivedBefore + arriving);
  upstream.release();
  expect(await Promise.all(answers)).toEqual(Array.from({ length: sent }, () => 200));
  return grown;
}

describe.each(cases)('large requests to $route waiting for their upstream', ({ route, account, body }) => {
  const gateway = heldGateway(route, body, async (harness, upstreamUrl) => {
    const created = await harness.request('POST', '/admin/accounts', { name: 'held', ...account, base_url: upstreamUrl, models: ['held-model'] });
    expect(created.status).toBe(201);
    return harness.adminKey;
  });

  it('keep their bytes but not their parsed bodies while the model works', async () => {
    const grown = await heldGrowth(gateway, waiting, waiting);
    // A parsed body takes about its own size on the heap (strings and objects): kept, the eight would
    // take five to nine times this bound (checked). What each waiting call holds besides is a fraction of it.
    expect(grown).toBeLessThan(2 * body.length);
  });
});

/**
 * The same requests waiting before they go upstream: for an account (all at their `max_concurrency`, with a
 * `queue_timeout_ms`) or for one of their key's `max_concurrency` slots. They wait parsed no more either.
 */
describe.each(['an account', "their key's slot"] as const)('large requests waiting for %s', (waitingFor) => {
  const { route, account, body } = cases[0]!;
  const gateway = heldGateway(route, body, async (harness, upstreamUrl) => {
    const accountLimit = waitingFor === 'an account' ? { max_concurrency: 1 } : {};
    const created = await harness.request('POST', '/admin/accounts', { name: 'held', ...account, base_url: upstreamUrl, models: ['held-model'], ...accountLimit });
    expect(created.status).toBe(201);
    expect((await harness.request('PATCH', '/admin/settings', { queue_timeout_ms: 60_000 })).status).toBe(200);
    const keyLimit = waitingFor === 'an account' ? {} : { max_concurrency: 1 };
    const key = await harness.request('POST', '/admin/api-keys', { name: 'waiting', ...keyLimit });
    expect(key.status).toBe(201);
    return ((await key.json()) as { key: string }).key;
  });

  it('keep their bytes but not their parsed bodies while they wait', async () => {
    // One goes upstream and is held there; the others wait behind it for the one slot.
    expect(await heldGrowth(gateway, waiting + 1, 1)).toBeLessThan(2 * body.length);
  });
});

/**
 * A Responses request continuing an earlier answer by `previous_response_id`: the conversation comes from the
 * store, and the body sent upstream is made from it. It waits as those bytes, as a client's body would.
 */
describe('a large stored conversation continued by previous_response_id, waiting for its upstream', () => {
  const stored = JSON.stringify({ model: 'held-model', input: turns });
  let previousId = '';
  const gateway = heldGateway(
    '/v1/responses',
    () => JSON.stringify({ model: 'held-model', previous_response_id: previousId, input: 'Go on.' }),
    async (harness, upstreamUrl) => {
      const created = await harness.request('POST', '/admin/accounts', { name: 'held', provider: 'openai', api_key: 'sk-held', base_url: upstreamUrl, models: ['held-model'] });
      expect(created.status).toBe(201);
      const first = await harness.request('POST', '/v1/responses', JSON.parse(stored));
      expect(first.status).toBe(200);
      previousId = ((await first.json()) as { id: string }).id;
      return harness.adminKey;
    },
  );

  it('keeps the conversation as bytes, not parsed, while the model works', async () => {
    expect(await heldGrowth(gateway, waiting, waiting)).toBeLessThan(2 * stored.length);
  });
});
