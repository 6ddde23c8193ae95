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
 * - Profiles: `POST /ListAvailableProfiles` (Kiro) and `POST /` with
 *   `x-amz-target: AmazonCodeWhispererService.ListAvailableProfiles`; lists the ARN of an Enterprise login.
 *
 * Auth: chat and usage calls need `Authorization: Bearer <token>`; any token is accepted until
 * `fake.revokeAccessTokens()`, after which every token seen or issued so far gets the real 403
 * "The bearer token included in the request is invalid." (the expired-token scenario).
 * Per-account rules (amazonq-fake-accounts.ts): a `ksk_…` Kiro API key is a bearer only with
 * `tokentype: API_KEY`; tokens issued for a refresh token in `fake.enterprise` need that login's own
 * profile ARN; each credential may have its own model list (`fake.modelsByCredential`), and a chat
 * naming a service model id outside it gets the real `400 INVALID_MODEL_ID`. Thinking tags at the
 * start of the system text are checked, kept in `fake.thinkingRequests`, and answered with a
 * `<thinking>` block when no scenario is queued.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkApiKey,
  checkModel,
  checkProfileArn,
  defaultFakeModels,
  listModelsAnswer,
  readThinkingTags,
  type FakeAccountRules,
  type FakeDenial,
  type FakeThinkingRequest,
} from './amazonq-fake-accounts.js';
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
  kind: 'chat-awsjson' | 'chat-restjson' | 'oidc-token' | 'social-refresh' | 'usage-limits' | 'list-models' | 'list-profiles' | 'unknown';
}

export interface FakeRefreshBehaviour {
  mode: 'ok' | 'invalid_grant';
  /** Issue a new refresh token with every refresh. */
  rotate: boolean;
  expiresIn: number;
  profileArn?: string;
}

export interface FakeAmazonQ extends FakeAccountRules {
  url: string;
  /** The thinking tags of chat calls that carried them, oldest first. */
  thinkingRequests: FakeThinkingRequest[];
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
const listProfilesTarget = 'AmazonCodeWhispererService.ListAvailableProfiles';
const bearerInvalidMessage = 'The bearer token included in the request is invalid.';

export async function startFakeAmazonQ(): Promise<FakeAmazonQ> {
  const queue: FakeScenario[] = [];
  const requests: FakeRecordedRequest[] = [];
  const seenTokens = new Set<string>();
  const revokedTokens = new Set<string>();
  /** Issued access token → the refresh token it was issued for. */
  const tokenOwners = new Map<string, string>();
  let issued = 0;

  const fake: FakeAmazonQ = {
    url: '',
    requests,
    refresh: { mode: 'ok', rotate: false, expiresIn: 3600 },
    usageLimits: defaultFakeUsageLimits,
    malformedReasons: [],
    models: [...defaultFakeModels],
    enterprise: new Map(),
    modelsByCredential: new Map(),
    revokedApiKeys: new Set(),
    thinkingRequests: [],
    enqueue: (...scenarios) => void queue.push(...scenarios),
    chatRequests: () => requests.filter((request) => request.kind === 'chat-awsjson' || request.kind === 'chat-restjson'),
    revokeAccessTokens: () => seenTokens.forEach((token) => revokedTokens.add(token)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const issueTokens = (owner: string): { accessToken: string; refreshToken?: string } => {
    issued += 1;
    const accessToken = `fake-access-${issued}`;
    seenTokens.add(accessToken);
    tokenOwners.set(accessToken, owner);
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
      const tokens = issueTokens(String(body?.refreshToken));
      if (fake.refresh.rotate && tokens.refreshToken) {
        // A rotated refresh token keeps its login's rules.
        const arn = fake.enterprise.get(String(body?.refreshToken));
        if (arn) fake.enterprise.set(tokens.refreshToken, arn);
      }
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
    const keyDenial = checkApiKey(fake, token, headerOf(request, 'tokentype'));
    if (keyDenial) return deny(response, keyDenial);
    seenTokens.add(token);
    const owner = tokenOwners.get(token);
    const enterpriseArn = owner === undefined ? undefined : fake.enterprise.get(owner);
    const models = fake.modelsByCredential.get(token) ?? (owner === undefined ? undefined : fake.modelsByCredential.get(owner)) ?? fake.models;
    if (kind === 'list-profiles') {
      return sendJson(response, 200, { profiles: enterpriseArn ? [{ arn: enterpriseArn, profileName: 'Enterprise' }] : [] });
    }
    if (kind === 'usage-limits' || kind === 'list-models') {
      const sentArn = request.method === 'GET' ? (url.searchParams.get('profileArn') ?? undefined) : (body?.profileArn as string | undefined);
      const denial = checkProfileArn(enterpriseArn, sentArn, 'usage');
      if (denial) return deny(response, denial);
      return sendJson(response, 200, kind === 'usage-limits' ? fake.usageLimits : listModelsAnswer(models));
    }
    const arnDenial = checkProfileArn(enterpriseArn, body?.profileArn as string | undefined, 'chat');
    if (arnDenial) return deny(response, arnDenial);
    const current = (body?.conversationState as { currentMessage?: { userInputMessage?: { modelId?: unknown } } } | undefined)?.currentMessage;
    const modelDenial = checkModel(models, current?.userInputMessage?.modelId);
    if (modelDenial) return deny(response, modelDenial);
    const thinking = readThinkingTags(body);
    if (thinking === 'malformed') {
      fake.malformedReasons.push('malformed thinking tags');
      return deny(response, { status: 400, errorType: 'ValidationException', message: 'Improperly formed request.', reason: null });
    }
    if (thinking) fake.thinkingRequests.push(thinking);
    const malformed = findMalformedChatRequest(kind, String(request.headers['content-type'] ?? ''), body);
    if (malformed) {
      fake.malformedReasons.push(malformed);
      return sendError(response, { status: 400, errorType: 'ValidationException', errorBody: { message: 'Improperly formed request.', reason: null } });
    }
    const fallback = thinking
      ? fakeScenarios.thinking(`Thinking (${thinking.mode}, ${thinking.effort ?? thinking.budget}).`, 'Hello from the fake Amazon Q.')
      : fakeScenarios.text('Hello from the fake Amazon Q.');
    const scenario = queue.shift() ?? fallback;
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
  if ((method === 'POST' && path === '/ListAvailableProfiles') || (method === 'POST' && path === '/' && target === listProfilesTarget)) return 'list-profiles';
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

function deny(response: ServerResponse, denial: FakeDenial): void {
  sendError(response, { status: denial.status, errorType: denial.errorType, errorBody: { message: denial.message, reason: denial.reason } });
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
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
