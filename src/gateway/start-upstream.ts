import type { AccountRecord } from '../accounts/account-record.js';
import type { ChatRequest } from '../core/chat-request.js';
import { GatewayError } from '../core/errors/gateway-error.js';
import { UpstreamUnavailableError } from '../core/errors/upstream-unavailable-error.js';
import { readEventBatches } from '../core/event-batches.js';
import type { StreamEvent } from '../core/stream-event.js';
import type { ConversionWarning } from '../core/warning.js';
import type { PassthroughFormat, PassthroughRequest, PassthroughResponse, ProviderAdapter } from '../providers/provider-adapter.js';
import type { UpstreamAccount } from '../providers/upstream-account.js';
import type { GatewayDeps, PoolLease } from './gateway-deps.js';
import { raceAbort } from './race-abort.js';
import { checkPassthroughResponse } from '../providers/http/check-passthrough-response.js';
import { trackUpstreamCalls } from '../providers/http/track-upstream-calls.js';
import { stripSignedThinking, stripSignedThinkingFromBody } from './strip-signed-thinking.js';
import { serveResponseFormat } from './structured-output/serve-response-format.js';
import { Cancellation, type CancelSignal } from '../core/cancel-signal.js';
import { AttemptCallContext } from './attempt-call-context.js';
import { logWarnings } from './warning-digest.js';
import type { RequestContent } from './request-content.js';
import { ForwardedBytesRequest } from './forwarded-bytes-request.js';
import { upstreamSessionId, type SessionKey } from '../pool/session-key.js';

export interface UpstreamCall {
  /**
   * The canonical request, and the client's own body, forwarded unchanged (but for `model`) to a
   * same-format account, with the bytes it was parsed from where they were kept.
   */
  content: RequestContent;
  upstreamModel: string;
  /** Absent when the request has no same-format form (it is always converted). */
  passthroughFormat?: PassthroughFormat;
  query?: string;
  clientKeyId: string;
  clientHeaders: Record<string, string>;
  requestId: string;
  sessionKey?: SessionKey;
  hasSignedThinking: boolean;
  signal: CancelSignal;
  /** Told of each attempt that failed (for the request log), before any failover. */
  onAttemptFailed?: (account: PoolLease['account'], error: unknown) => void;
  /**
   * Set when the request can only be forwarded unchanged (an endpoint with no canonical form, or a
   * feature such as `n > 1` that conversion cannot carry): accounts that cannot take it are skipped,
   * without penalty, and this is the error when none can.
   */
  passthroughOnly?: GatewayError;
}

export type StartedUpstream =
  /** `first` is the first batch of events (empty when the stream had none); `rest` the batches after it. */
  | { kind: 'canonical'; lease: PoolLease; first: StreamEvent[]; rest: AsyncIterator<StreamEvent[]>; warnings: ConversionWarning[] }
  | { kind: 'passthrough'; lease: PoolLease; format: PassthroughFormat; response: PassthroughResponse; hideUsageChunk: boolean };

const canPassthrough = (adapter: ProviderAdapter, format: PassthroughFormat | undefined, model: string, account: UpstreamAccount): format is PassthroughFormat =>
  format !== undefined &&
  Boolean(adapter.passthrough && adapter.passthroughFormats?.includes(format) && (adapter.canPassthrough?.(format, model, account) ?? true));

/**
 * While a request waits for an account or a slot, nothing reads its parsed forms: they go, and are parsed
 * again from the bytes once it is served (see RequestContent). Made out here, so the function holds only
 * the content, not the scope of the function that waits.
 */
export const letGoWhileWaiting = (content: RequestContent) => (): void => void content.letGo();

/**
 * Before the pool's round trips to a shared state: the parsed forms go where every account that may serve
 * the request would be sent the client's bytes as they are, so that nothing parses them again (a converted
 * request would be, and keeps them). Made out here for the same reason as letGoWhileWaiting.
 */
const letGoIfForwardedAsBytes =
  (content: RequestContent, adapters: GatewayDeps['adapters'], format: PassthroughFormat | undefined, model: string) =>
  (candidates: readonly AccountRecord[]): void => {
    if (format === undefined || !forwardsBytes(content, format, model)) return;
    if (candidates.every((account) => canPassthrough(adapters[account.provider], format, model, account.upstream))) content.letGo();
  };

/**
 * Picks an account and gets the upstream's first byte, failing over to another account on a
 * retryable error, within the settings' attempt limit and first-byte deadline. Each attempt's
 * upstream calls get `attempt_timeout_ms` from reaching the upstream to its headers (so a hung
 * account is failed over while time is left) and `stream_idle_timeout_ms` between body chunks.
 * Nothing has been sent to the client yet when this returns or throws.
 */
export async function startUpstream(call: UpstreamCall, deps: GatewayDeps): Promise<StartedUpstream> {
  // What the closures below need, taken out of `call`: a closure that named `call` would keep the
  // client's parsed body and bytes alive for as long as the answer streams.
  const { signal: clientSignal, upstreamModel } = call;
  const settings = deps.settings();
  const deadline = Date.now() + settings.first_byte_timeout_ms;
  const exclude = new Set<string>();
  let lastError: GatewayError | undefined;

  for (let attempt = 0; attempt < settings.max_failover_attempts; ) {
    const remaining = deadline - Date.now();
    if (remaining <= 0 || call.signal.aborted) break;
    let lease: PoolLease;
    try {
      lease = await deps.acquire({
        model: call.upstreamModel,
        clientKeyId: call.clientKeyId,
        sessionKey: call.sessionKey,
        hasSignedThinking: call.hasSignedThinking,
        exclude,
        signal: call.signal,
        onWait: letGoWhileWaiting(call.content),
        beforeRoundTrips: letGoIfForwardedAsBytes(call.content, deps.adapters, call.passthroughFormat, call.upstreamModel),
      });
    } catch (error) {
      // After a failed attempt, "no other account" is less useful to the client than the real failure.
      throw lastError ?? error;
    }
    const account = lease.account;
    const moved = call.hasSignedThinking && lease.sticky === 'moved';
    const adapter = deps.adapters[account.provider];
    if (call.passthroughOnly && !canPassthrough(adapter, call.passthroughFormat, call.upstreamModel, account.upstream)) {
      // Not a failed attempt: this account simply cannot serve the request.
      await lease.release({ ok: false, error: call.passthroughOnly });
      exclude.add(account.id);
      lastError ??= call.passthroughOnly;
      continue;
    }
    attempt += 1;
    // A plain cancellation, not an AbortController: the HTTP client takes either, and an AbortSignal
    // costs about 13 µs a call on Node 20 to make and to listen to.
    const attemptCancel = new Cancellation();
    const onClientAbort = () => attemptCancel.abort(clientSignal.reason);
    clientSignal.addEventListener('abort', onClientAbort, { once: true });
    const passthrough = canPassthrough(adapter, call.passthroughFormat, call.upstreamModel, account.upstream);
    const wholeAnswer = passthrough ? isWholePassthroughCall(call) : adapter.wholeAnswers === true && isShortWholeAnswer(call.content.request, deadline - Date.now());
    const calls = trackUpstreamCalls(deps.dispatcherFor(account), () => ({
      headersTimeoutMs: Math.max(1, wholeAnswer ? deadline - Date.now() : Math.min(settings.attempt_timeout_ms, deadline - Date.now())),
      bodyTimeoutMs: settings.stream_idle_timeout_ms,
    }));
    const timer = setTimeout(() => attemptCancel.abort(deadlineError(remaining, calls.waitingLocally())), remaining);
    const warnings: ConversionWarning[] = [];
    const context = new AttemptCallContext({
      requestId: call.requestId,
      signal: attemptCancel,
      dispatcher: calls.dispatcher,
      warnings,
      clientHeaders: call.clientHeaders,
      sessionId: upstreamSessionId(call.sessionKey),
      wholeAnswer,
      account,
      deps,
    });
    try {
      const format = call.passthroughFormat;
      if (passthrough && format !== undefined) {
        const { request, hideUsageChunk, streamed } = passthroughRequest(call, format, moved);
        const discard = (late: PassthroughResponse) => void late.body[Symbol.asyncIterator]().return?.();
        const answer = adapter.passthrough!(request, account.upstream, context);
        // The bytes are on their way as they are: while the upstream works, the parsed forms can go (see RequestContent).
        if (request.bytes !== undefined) call.content.letGo();
        const headed = await raceAbort(answer, attemptCancel, discard);
        // The first byte came. Until the first event the stream idle timeout bounds the wait: a
        // reasoning model may think in silence for longer than the rest of the deadline.
        clearTimeout(timer);
        const response = await raceAbort(checkPassthroughResponse(headed, streamed), attemptCancel, discard);
        return { kind: 'passthrough', lease: withCleanup(lease, () => detach()), format, response, hideUsageChunk };
      }
      const rest = readEventBatches(convertedStream(call.content, adapter, moved, call.upstreamModel, account.upstream, context));
      const next = rest.next();
      // The adapter holds what it needs of the request for as long as it needs it (most, only until the
      // upstream body is built): the parsed forms can go while the upstream works (see RequestContent).
      call.content.letGo();
      const first = await raceAbort(next, attemptCancel, () => void rest.return?.(undefined).catch(() => undefined));
      const opening = first.done ? undefined : first.value[0];
      if (opening?.type === 'error') throw opening.error;
      clearTimeout(timer);
      logWarnings(deps, account.provider, warnings, 'features dropped in conversion');
      return { kind: 'canonical', lease: withCleanup(lease, () => detach()), first: first.done ? [] : first.value, rest, warnings };
    } catch (error) {
      detach();
      const failure = attemptCancel.aborted && !call.signal.aborted ? attemptCancel.reason : error;
      await lease.release({ ok: false, error: failure });
      call.onAttemptFailed?.(account, call.signal.aborted ? error : failure);
      if (call.signal.aborted) throw error;
      if (!(failure instanceof GatewayError) || !failure.isRetryable) throw failure;
      deps.logger.warn({ accountId: account.id, kind: failure.kind, message: failure.message, attempt: attempt + 1 }, 'upstream attempt failed');
      lastError = failure;
      exclude.add(account.id);
    }

    function detach(): void {
      clearTimeout(timer);
      clientSignal.removeEventListener('abort', onClientAbort);
    }
  }
  throw lastError ?? new UpstreamUnavailableError('No upstream answered before the deadline.', { timeout: true });
}

/** The account's answer to the canonical request, with structured output served as the account can. */
function convertedStream(content: RequestContent, adapter: ProviderAdapter, moved: boolean, upstreamModel: string, account: UpstreamAccount, context: AttemptCallContext): AsyncIterable<StreamEvent> {
  const served = serveResponseFormat(moved ? stripSignedThinking(content.request) : content.request, (format) =>
    adapter.supportsResponseFormat?.(format.type, upstreamModel) ?? false,
  );
  return served.transform(adapter.stream(served.request, upstreamModel, account, context));
}

/**
 * The same-format request to send: the client's body with the upstream's model, asking for usage where
 * the format hides it by default. Where that is the body unchanged, the client's own bytes go (no second
 * serialisation of a large body), without the parsed body (see ForwardedBytesRequest).
 */
function passthroughRequest(call: UpstreamCall, format: PassthroughFormat, moved: boolean): { request: PassthroughRequest; hideUsageChunk: boolean; streamed: boolean } {
  const { content, upstreamModel } = call;
  const streamed = content.forwarding.stream === true;
  const hideUsageChunk = hidesUsageChunk(content, format);
  const bytes = content.bytes;
  if (!moved && bytes !== undefined && forwardsBytes(content, format, upstreamModel)) {
    return { request: new ForwardedBytesRequest(format, bytes, call.query, content), hideUsageChunk, streamed };
  }
  const source = moved ? stripSignedThinkingFromBody(content.rawBody) : content.rawBody;
  // Usage is how requests are accounted: ask for it, and keep the extra chunk from the client.
  // Object.assign where fields are added: a spread followed by a field the client's body lacks
  // would give the body a shape of its own on every request (V8).
  const body: Record<string, unknown> = hideUsageChunk
    ? Object.assign({}, source, { model: upstreamModel, stream_options: Object.assign({}, source.stream_options, { include_usage: true }) })
    : { ...source, model: upstreamModel };
  return { request: { format, body, query: call.query }, hideUsageChunk, streamed };
}

/** Whether the format's stream hides its usage unless asked, and the client did not ask: then Sluice asks. */
const hidesUsageChunk = (content: RequestContent, format: PassthroughFormat): boolean =>
  streamsUsageChunk(format) && content.forwarding.stream === true && !includesUsage(content.forwarding.stream_options);

/**
 * Whether a same-format call sends the client's bytes as they are (unless a sticky move strips signed thinking):
 * read from the facts kept beside the parse, so that deciding needs no second parse where it was let go.
 */
const forwardsBytes = (content: RequestContent, format: PassthroughFormat, upstreamModel: string): boolean =>
  content.bytes !== undefined && content.forwarding.model === upstreamModel && !hidesUsageChunk(content, format);

/**
 * A same-format call without streaming: its headers come only once the whole answer is ready, so
 * it cannot be told apart from a hang before the overall deadline.
 */
const isWholePassthroughCall = (call: UpstreamCall): boolean => call.passthroughFormat !== 'anthropic-count-tokens' && call.content.forwarding.stream !== true;

/** The slowest generation an unstreamed upstream call is trusted to finish in time at: 20 tokens a second. */
const slowestMsPerToken = 50;

/**
 * Whether a converted answer the client takes whole may be asked for unstreamed: only when its
 * length is capped and even a slow model writes that many tokens before the deadline (2,400 tokens
 * at the default 120 s). Unbounded and reasoning answers are streamed from the upstream and
 * collected, so a long generation is never cut for taking long.
 */
const isShortWholeAnswer = (request: ChatRequest, remainingMs: number): boolean =>
  !request.stream &&
  (request.reasoning === undefined || request.reasoning.mode === 'disabled') &&
  request.maxOutputTokens !== undefined &&
  request.maxOutputTokens * slowestMsPerToken <= remainingMs;

/**
 * The overall deadline passed during an attempt. When a call was still waiting for a local
 * connection, that wait is ours, not the account's: no penalty, though the client still gets a 504.
 */
function deadlineError(remainingMs: number, waitingLocally: boolean): UpstreamUnavailableError {
  const seconds = Math.round(remainingMs / 1000);
  return waitingLocally
    ? new UpstreamUnavailableError(`No connection to the upstream became free within ${seconds} s.`, { timeout: true, blamesAccount: false })
    : new UpstreamUnavailableError(`No response from the upstream within ${seconds} s.`, { timeout: true });
}

/** OpenAI's streamed chat and legacy completions send usage in a last chunk only when asked (`stream_options`). */
const streamsUsageChunk = (format: PassthroughFormat): boolean => format === 'openai-chat' || format === 'openai-completions';

const includesUsage = (streamOptions: unknown): boolean =>
  typeof streamOptions === 'object' && streamOptions !== null && (streamOptions as { include_usage?: unknown }).include_usage === true;

/** Wraps a lease so that releasing it also removes this attempt's listeners. */
function withCleanup(lease: PoolLease, cleanup: () => void): PoolLease {
  return {
    account: lease.account,
    sticky: lease.sticky,
    release: async (outcome) => {
      cleanup();
      await lease.release(outcome);
    },
  };
}
