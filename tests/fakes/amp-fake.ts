import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAnthropicFakeHandler, readRequest, type RecordedRequest, type ScriptedFake } from './anthropic-fake.js';
import type { AnthropicFakeScenario } from './anthropic-fake-scenario.js';
import { createOpenAIFakeHandler } from './openai-fake.js';
import type { OpenAIFakeScenario } from './openai-fake-scenario.js';

/** What `/api/internal?userDisplayBalanceInfo` answers. */
export type AmpBalanceScenario = { kind: 'text'; displayText: string } | { kind: 'error'; status: number; body: unknown };

export interface AmpFake {
  url: string;
  /** The Anthropic route, `/api/provider/anthropic/v1/…`. */
  anthropic: ScriptedFake<AnthropicFakeScenario>;
  /** The OpenAI route, `/api/provider/openai/v1/…`. */
  openai: ScriptedFake<OpenAIFakeScenario>;
  /** Balance requests. */
  internalRequests: RecordedRequest[];
  setBalance(scenario: AmpBalanceScenario): void;
  close(): Promise<void>;
}

const anthropicPrefix = '/api/provider/anthropic';
const openAIPrefix = '/api/provider/openai';

/** A fake ampcode.com: the Anthropic and OpenAI fakes behind Amp's provider prefixes, plus the balance endpoint. */
export async function startFakeAmp(): Promise<AmpFake> {
  const anthropic = createAnthropicFakeHandler();
  const openai = createOpenAIFakeHandler({ basePath: '/v1' });
  const internalRequests: RecordedRequest[] = [];
  let balance: AmpBalanceScenario = {
    kind: 'text',
    displayText: 'Signed in as dev@example.com (Acme)\nIndividual credits: $12.34 remaining - https://ampcode.com/settings',
  };
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith(anthropicPrefix)) return void anthropic.handle(request, response, url.slice(anthropicPrefix.length));
    if (url.startsWith(openAIPrefix)) return void openai.handle(request, response, url.slice(openAIPrefix.length));
    if (url.startsWith('/api/internal')) {
      void readRequest(request, url).then((recorded) => {
        internalRequests.push(recorded);
        const authorized = typeof recorded.headers.authorization === 'string' && recorded.headers.authorization.startsWith('Bearer sgamp_');
        if (!authorized) {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ ok: false, error: { code: 'auth-required', message: 'Authentication required' } }));
          return;
        }
        if (balance.kind === 'error') {
          response.writeHead(balance.status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(balance.body));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: true, result: { displayText: balance.displayText } }));
      });
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    anthropic,
    openai,
    internalRequests,
    setBalance: (scenario) => void (balance = scenario),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
