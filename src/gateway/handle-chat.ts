import type { ChatRequest } from '../core/chat-request.js';
import type { ConversionWarning } from '../core/warning.js';
import { collectStream } from '../core/collect-stream.js';
import { eventsOfBatches } from '../core/event-batches.js';
import { renderEventBatches } from '../core/render-frames.js';
import { GatewayError } from '../core/errors/gateway-error.js';
import { InternalError } from '../core/errors/internal-error.js';
import { PermissionError } from '../core/errors/permission-error.js';
import { matchesModel } from '../pool/matches-model.js';
import { emptyUsage, type Usage } from '../core/usage.js';
import type { PassthroughFormat } from '../providers/provider-adapter.js';
import type { AuthenticatedKey } from '../auth/authenticated-key.js';
import type { ClientRenderer } from './client-renderer.js';
import type { RequestAttempt, RequestLogEntry } from '../usage/request-log-entry.js';
import type { BudgetReservation } from '../usage/budgets/budget-reservation.js';
import type { ConcurrencySlot } from '../limits/concurrency-limiter.js';
import type { GatewayDeps } from './gateway-deps.js';
import { iterableToResponse, sseHeaders } from './iterable-to-response-body.js';
import { observeEvents, type EventObservation } from './observe-events.js';
import { isWholePassthrough, respondPassthrough, respondPassthroughWhole, type PassthroughOptions } from './respond-passthrough.js';
import { resolveUpstreamModel } from './resolve-model.js';
import { hasSignedThinking } from '../pool/has-signed-thinking.js';
import { PrefixSessionKey } from '../pool/session-key.js';
import { errorsNamingModel, nameRequestedModel } from './name-requested-model.js';
import { letGoWhileWaiting, startUpstream } from './start-upstream.js';
import { logWarnings } from './warning-digest.js';
import { RequestContent, type ParsedChatRequest } from './request-content.js';
import type { CancelSignal } from '../core/cancel-signal.js';

export interface ChatInvocation {
  request: ChatRequest;
  rawBody: Record<string, unknown>;
  /** The bytes `rawBody` was parsed from, where the route kept them: forwarded as they are when nothing in it changes. */
  rawBytes?: Uint8Array;
  /**
   * Parses `rawBytes` again into `request` and `rawBody`, as the route did: with it, the parsed forms are
   * let go while an upstream works on the bytes unchanged (see RequestContent).
   */
  parseAgain?: (bytes: Uint8Array) => ParsedChatRequest;
  /** The same-format form of this request, if it has one an account may take unchanged. */
  passthroughFormat?: PassthroughFormat;
  query?: string;
  apiKey: AuthenticatedKey;
  clientHeaders: Record<string, string>;
  requestId: string;
  /** The client leaving: any wait (limits, pool) stops, and the upstream call with it. */
  signal: CancelSignal;
  /** The session the client named (see sessionKeyOf); without one, the prompt's prefix stands in (see PrefixSessionKey). */
  sessionKey?: string;
  clientIp: string | null;
  userAgent: string | null;
  startedAt: number;
  /** What the client format could not carry into the canonical request; logged when the canonical path is taken. */
  conversionWarnings?: ConversionWarning[];
  /** The request can only be forwarded unchanged; this is the error when no account can (see UpstreamCall). */
  passthroughOnly?: GatewayError;
}

/** What the client asked for that the answer needs: read once, so that no waiting frame names the request. */
interface Asked {
  model: string;
  stream: boolean;
  includeUsage: boolean;
  hasSignedThinking: boolean;
}

type CallFacts = Omit<ChatInvocation, 'request' | 'rawBody' | 'rawBytes' | 'parseAgain'>;

/**
 * The request path shared by both client APIs: checks, routing with failover, then the answer in
 * the client's format — streamed through without buffering, or collected for non-streaming calls.
 * Every request, failed or not, ends in exactly one recorded entry; that same moment releases its
 * concurrency slot and settles its budget reservation, on every path (success, error, client gone).
 */
export function handleChat(invocation: ChatInvocation, renderer: ClientRenderer, deps: GatewayDeps): Promise<Response> {
  // The parsed request goes on only inside `content`, which may let it go while the upstream works
  // (see RequestContent): the async function below waits, and would keep whatever it names.
  const { request } = invocation;
  const content = new RequestContent({ request, rawBody: invocation.rawBody }, invocation.rawBytes, invocation.parseAgain);
  const asked: Asked = { model: request.model, stream: request.stream, includeUsage: request.includeUsage ?? false, hasSignedThinking: hasSignedThinking(request) };
  return serveCall(callFacts(invocation), asked, content, renderer, deps);
}

/** The invocation without the request: named field by field, one shape for every request (a rest spread is slower). */
const callFacts = (invocation: ChatInvocation): CallFacts => ({
  passthroughFormat: invocation.passthroughFormat,
  query: invocation.query,
  apiKey: invocation.apiKey,
  clientHeaders: invocation.clientHeaders,
  requestId: invocation.requestId,
  signal: invocation.signal,
  sessionKey: invocation.sessionKey,
  clientIp: invocation.clientIp,
  userAgent: invocation.userAgent,
  startedAt: invocation.startedAt,
  conversionWarnings: invocation.conversionWarnings,
  passthroughOnly: invocation.passthroughOnly,
});

async function serveCall(invocation: CallFacts, asked: Asked, content: RequestContent, renderer: ClientRenderer, deps: GatewayDeps): Promise<Response> {
  // The closures below run when the answer ends, long after this frame: none names `invocation` or `content`.
  const { apiKey, startedAt } = invocation;
  const upstreamModel = resolveUpstreamModel(asked.model, deps.settings().model_mappings);
  const entry: RequestLogEntry = {
    id: invocation.requestId,
    createdAt: startedAt,
    apiKeyId: apiKey.id,
    accountId: null,
    provider: null,
    requestedModel: asked.model,
    upstreamModel,
    stream: asked.stream,
    clientFormat: renderer.format,
    usage: emptyUsage(),
    latencyMs: 0,
    ttftMs: null,
    status: 'success',
    httpStatus: 200,
    errorType: null,
    errorMessage: null,
    clientIp: invocation.clientIp,
    userAgent: invocation.userAgent,
  };
  const attempts: RequestAttempt[] = [];
  let slot: ConcurrencySlot | null = null;
  let reservation: BudgetReservation | null = null;
  let finished = false;
  const finish = (usage: Usage, error: unknown, firstTokenAt: number | null, httpStatus?: number): void => {
    if (finished) return;
    finished = true;
    slot?.release();
    const now = Date.now();
    entry.usage = usage;
    entry.latencyMs = now - startedAt;
    entry.ttftMs = firstTokenAt === null ? null : firstTokenAt - startedAt;
    if (error !== undefined) {
      const gatewayError = error instanceof GatewayError ? error : undefined;
      const aborted = error instanceof Error && error.name === 'AbortError';
      entry.status = 'error';
      entry.httpStatus = httpStatus ?? gatewayError?.status ?? (aborted ? 499 : 500);
      entry.errorType = gatewayError?.kind ?? (aborted ? 'client_closed' : 'internal');
      entry.errorMessage = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    }
    const last = attempts.at(-1);
    if (last && error !== undefined && last.outcome === 'success') Object.assign(last, attemptFailure(error));
    if (last) {
      entry.accountId = last.account_id;
      entry.provider = last.provider;
    }
    entry.attempts = attempts;
    deps.recordOutcome(entry, reservation);
  };

  let started;
  try {
    if (!matchesModel(apiKey.allowedModels, asked.model)) {
      throw new PermissionError(`This API key may not use the model ${asked.model}.`);
    }
    slot = await deps.acquireKeySlot(apiKey, invocation.signal, letGoWhileWaiting(content));
    reservation = await deps.reserveBudget(apiKey, content.request, upstreamModel);
    started = await startUpstream(
      {
        content,
        upstreamModel,
        passthroughFormat: invocation.passthroughFormat,
        query: invocation.query,
        clientKeyId: apiKey.id,
        clientHeaders: invocation.clientHeaders,
        requestId: invocation.requestId,
        sessionKey: invocation.sessionKey ?? new PrefixSessionKey(() => content.request),
        hasSignedThinking: asked.hasSignedThinking,
        signal: invocation.signal,
        onAttemptFailed: (account, error) => attempts.push({ account_id: account.id, provider: account.provider, ...attemptFailure(error) }),
        passthroughOnly: invocation.passthroughOnly,
      },
      deps,
    );
  } catch (error) {
    nameRequestedModel(error, upstreamModel, asked.model);
    finish(emptyUsage(), error, null);
    throw error;
  }

  content.forget();
  const { lease } = started;
  attempts.push({ account_id: lease.account.id, provider: lease.account.provider, outcome: 'success' });
  if (started.kind === 'passthrough') {
    const options: PassthroughOptions = {
      requestedModel: asked.model,
      upstreamModel,
      stream: asked.stream,
      format: started.format,
      hideUsageChunk: started.hideUsageChunk,
      clientSignal: invocation.signal,
      onDone: (usage, error, firstTokenAt) => {
        void lease.release(error === undefined ? { ok: true } : { ok: false, error });
        finish(usage, error, firstTokenAt);
      },
    };
    return isWholePassthrough(started.response, options)
      ? await respondPassthroughWhole(started.response, options)
      : respondPassthrough(started.response, options);
  }

  if (invocation.conversionWarnings) logWarnings(deps, lease.account.provider, invocation.conversionWarnings, 'request features dropped for this account');
  const onDone = (observation: EventObservation): void => {
    void lease.release(observation.error === undefined ? { ok: true } : { ok: false, error: observation.error });
    finish(observation.usage, observation.error, observation.firstTokenAt);
  };
  const observed = observeEvents(started.first, started.rest, onDone);
  // Only a mapping makes an error name another model: the extra stage costs nothing otherwise.
  const batches = upstreamModel === asked.model ? observed : errorsNamingModel(observed, upstreamModel, asked.model);
  if (asked.stream) {
    const renderOptions = { model: asked.model, includeUsage: asked.includeUsage };
    const frames = renderEventBatches(batches, renderer.frames(renderOptions));
    const contentType = renderer.streamContentType ? { 'content-type': renderer.streamContentType } : {};
    // The request id first: added after the spreads it would give the headers a shape of their own each time (V8).
    return iterableToResponse(frames, { status: 200, headers: { 'x-request-id': invocation.requestId, ...sseHeaders, ...contentType } });
  }
  try {
    const result = await collectStream(eventsOfBatches(batches));
    // A string body (not Response.json) lets the server send headers and body in one write with a content-length.
    return new Response(JSON.stringify(renderer.renderResult(result, asked.model)), {
      headers: { 'content-type': 'application/json', 'x-request-id': invocation.requestId },
    });
  } catch (error) {
    throw error instanceof GatewayError ? nameRequestedModel(error, upstreamModel, asked.model) : new InternalError('The upstream answer could not be read.', error);
  }
}

/** How an attempt failed, for the request log. */
function attemptFailure(error: unknown): Omit<RequestAttempt, 'account_id' | 'provider'> {
  if (error instanceof GatewayError) return { outcome: 'error', error_type: error.kind, http_status: error.upstreamStatus ?? error.status };
  const aborted = error instanceof Error && error.name === 'AbortError';
  return { outcome: 'error', error_type: aborted ? 'client_closed' : 'internal' };
}
