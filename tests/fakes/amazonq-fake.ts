/**
 * A fake Amazon Q Developer / Kiro upstream: a real HTTP server on 127.0.0.1 (random port) speaking
 * the service's wire formats, for adapter tests, e2e tests and the official-SDK checks.
 *
 *   const fake = await startFakeAmazonQ();
 *   account.baseUrl = fake.url; account.authUrl = fake.url;   // one server plays every host
 *   fake.enqueue(fakeScenarios.toolCalls([{ id: 't1', name: 'Bash', input: { command: 'ls' } }]));
 *   … run requests …
 *   fake.chatRequests()[0].body.conversationState …           // what was sent
 *   await fake.close();
 *
 * Endpoints:
 * - Chat, awsJson (Q CLI): `POST /` with `x-amz-target: AmazonCodeWhispererStreamingService.GenerateAssistantResponse`.
 * - Chat, restJson (Kiro): `POST /generateAssistantResponse`.
 *   A request that breaks the history rules of the real service (alternation, tool use/result pairing,
 *   tools only on the current message, no nulls or empty arrays, the flavour's content type) gets the
 *   real `400 Improperly formed request.` and its reason is kept in `fake.malformedReasons`.
 *   Both answer with the next enqueued scenario (see `fakeScenarios` in amazonq-fake-scenarios.ts), or
 *   a short text answer when the queue is empty. Frames are AWS event-stream messages encoded with
 *   `@smithy/eventstream-codec`.
 * - SSO OIDC refresh: `POST /token` `{clientId, clientSecret, refreshToken, grantType: "refresh_token"}`.
 * - Kiro social refresh: `POST /refreshToken` `{refreshToken}`.
 *   Both issue `fake-access-N` tokens; `fake.refresh` sets the outcome (`mode: 'invalid_grant'`),
 *   rotation of the refresh token, `expiresIn` and the social `profileArn`.
 * - Usage limits: `GET /getUsageLimits?…` (Kiro) and `POST /` with
 *   `x-amz-target: AmazonCodeWhispererService.GetUsageLimits`; answers `fake.usageLimits`.
 * - Models: `GET /ListAvailableModels?…` (Kiro) and `POST /` with
 *   `x-amz-target: AmazonCodeWhispererService.ListAvailableModels`; answers `fake.models`.
 *
 * Auth: chat and usage calls need `Authorization: Bearer <token>`; any token is accepted until
 * `fake.revokeAccessTokens()`, after which every token seen or issued so far gets the real 403
 * "The bearer token included in the request is invalid." (the expired-token scenario).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findMalformedChatRequest } from './amazonq-fake-request-check.js';
import { defaultFakeUsageLimits, encodeFakeFrame, fakeScenarios, type FakeScenario } from './amazonq-fake-scenarios.js';

export { fakeScenarios, encodeFakeFrame, defaultFakeUsageLimits } from './amazonq-fake-scenarios.js';
export type { FakeFrame, FakeScenario, FakeToolCall } from './amazonq-fake-scenarios.js';

export interface FakeRecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  kind: 'chat-awsjson' | 'chat-restjson' | 'oidc-token' | 'social-refresh' | 'usage-limits' | 'list-models' | 'unknown';
}

export interface FakeRefreshBehaviour {
  mode: 'ok' | 'invalid_grant';
  /** Issue a new refresh token with every refresh. */
  rotate: boolean;
  expiresIn: number;
  profileArn?: string;
}

export interface FakeAmazonQ {
  url: string;
  requests: FakeRecordedRequest[];
  refresh: FakeRefreshBehaviour;
  usageLimits: unknown;
  /** Why chat calls were refused as `400 Improperly formed request.` (the §2.5 history rules), oldest first. */
  malformedReasons: string[];
  /** Model ids served by ListAvailableModels. */
  models: string[];
  /** Queue answers for the next chat calls, in order. */
  enqueue(...scenarios: FakeScenario[]): void;
  chatRequests(): FakeRecordedRequest[];
  /** Every access token seen or issued so far is rejected from now on. */
  revokeAccessTokens(): void;
  close(): Promise<void>;
}

const chatTarget = 'AmazonCodeWhispererStreamingService.GenerateAssistantResponse';
const usageTarget = 'AmazonCodeWhispererService.GetUsageLimits';
const listModelsTarget = 'AmazonCodeWhispererService.ListAvailableModels';
const bearerInvalidMessage = 'The bearer token included in the request is invalid.';

export async function startFakeAmazonQ(): Promise<FakeAmazonQ> {
  const queue: FakeScenario[] = [];
  const requests: FakeRecordedRequest[] = [];
  const seenTokens = new Set<string>();
  const revokedTokens = new Set<string>();
  let issued = 0;

  const fake: FakeAmazonQ = {
    url: '',
    requests,
    refresh: { mode: 'ok', rotate: false, expiresIn: 3600 },
    usageLimits: defaultFakeUsageLimits,
    malformedReasons: [],
    models: ['claude-sonnet-4.5', 'claude-haiku-4.5', 'claude-sonnet-4'],
    enqueue: (...scenarios) => void queue.push(...scenarios),
    chatRequests: () => requests.filter((request) => request.kind === 'chat-awsjson' || request.kind === 'chat-restjson'),
    revokeAccessTokens: () => seenTokens.forEach((token) => revokedTokens.add(token)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const issueTokens = (): { accessToken: string; refreshToken?: string } => {
    issued += 1;
    const accessToken = `fake-access-${issued}`;
    seenTokens.add(accessToken);
    return { accessToken, ...(fake.refresh.rotate ? { refreshToken: `fake-refresh-${issued}` } : {}) };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const text = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const target = String(request.headers['x-amz-target'] ?? '');
    const kind = kindOf(request.method ?? 'GET', url.pathname, target);
    requests.push({ method: request.method ?? 'GET', path: url.pathname + url.search, headers: flatten(request), body: parseJson(text), kind });
    const body = parseJson(text) as Record<string, unknown> | undefined;

    if (kind === 'oidc-token' || kind === 'social-refresh') {
      const valid = kind === 'oidc-token' ? body?.grantType === 'refresh_token' && !!body?.clientId && !!body?.clientSecret && !!body?.refreshToken : !!body?.refreshToken;
      if (!valid) return sendJson(response, 400, { error: 'invalid_request', error_description: 'Missing fields' });
      if (fake.refresh.mode === 'invalid_grant') return sendJson(response, 400, { error: 'invalid_grant', error_description: 'Invalid refresh token provided' });
      const tokens = issueTokens();
      return sendJson(response, 200, {
        ...tokens,
        expiresIn: fake.refresh.expiresIn,
        ...(kind === 'oidc-token' ? { tokenType: 'Bearer' } : fake.refresh.profileArn ? { profileArn: fake.refresh.profileArn } : {}),
      });
    }
    if (kind === 'unknown') return sendJson(response, 404, { message: `No route for ${request.method} ${url.pathname}` });

    const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    if (!token || revokedTokens.has(token)) {
      return sendError(response, { status: 403, errorType: 'AccessDeniedException', errorBody: { message: bearerInvalidMessage, reason: null } });
    }
    seenTokens.add(token);
    if (kind === 'usage-limits') return sendJson(response, 200, fake.usageLimits);
    if (kind === 'list-models') {
      return sendJson(response, 200, { models: fake.models.map((modelId) => ({ modelId, modelName: modelId })), defaultModel: { modelId: fake.models[0] } });
    }
    const malformed = findMalformedChatRequest(kind, String(request.headers['content-type'] ?? ''), body);
    if (malformed) {
      fake.malformedReasons.push(malformed);
      return sendError(response, { status: 400, errorType: 'ValidationException', errorBody: { message: 'Improperly formed request.', reason: null } });
    }
    const scenario = queue.shift() ?? fakeScenarios.text('Hello from the fake Amazon Q.');
    if ((scenario.status ?? 200) !== 200) return sendError(response, scenario);
    const conversationId = (body?.conversationState as { conversationId?: string } | undefined)?.conversationId;
    await streamFrames(response, scenario, conversationId);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { message: String(error) });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function kindOf(method: string, path: string, target: string): FakeRecordedRequest['kind'] {
  if (method === 'POST' && path === '/' && target === chatTarget) return 'chat-awsjson';
  if (method === 'POST' && path === '/generateAssistantResponse') return 'chat-restjson';
  if (method === 'POST' && path === '/token') return 'oidc-token';
  if (method === 'POST' && path === '/refreshToken') return 'social-refresh';
  if ((method === 'GET' && path === '/getUsageLimits') || (method === 'POST' && path === '/' && target === usageTarget)) return 'usage-limits';
  if ((method === 'GET' && path === '/ListAvailableModels') || (method === 'POST' && path === '/' && target === listModelsTarget)) return 'list-models';
  return 'unknown';
}

async function streamFrames(response: ServerResponse, scenario: FakeScenario, conversationId: string | undefined): Promise<void> {
  response.socket?.setNoDelay(true);
  response.writeHead(200, {
    'content-type': 'application/vnd.amazon.eventstream',
    ...(conversationId ? { 'x-amzn-codewhisperer-conversation-id': conversationId } : {}),
    ...scenario.headers,
  });
  const bytes = Buffer.concat((scenario.frames ?? []).map(encodeFakeFrame));
  const limit = scenario.cutAfterBytes ?? bytes.length;
  const step = scenario.writeChunkBytes ?? bytes.length;
  for (let offset = 0; offset < limit; offset += step) {
    response.write(bytes.subarray(offset, Math.min(offset + step, limit)));
    if (scenario.writeChunkBytes) await new Promise((resolve) => setImmediate(resolve));
  }
  if (scenario.cutAfterBytes !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    response.socket?.destroy();
    return;
  }
  response.end();
}

function sendError(response: ServerResponse, scenario: FakeScenario): void {
  response.writeHead(scenario.status ?? 500, {
    'content-type': 'application/json',
    ...(scenario.errorType ? { 'x-amzn-errortype': scenario.errorType } : {}),
    ...scenario.headers,
  });
  response.end(JSON.stringify(scenario.errorBody ?? { message: 'error' }));
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function flatten(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
