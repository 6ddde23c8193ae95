import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { ChatRequest, ResponseFormat } from '../core/chat-request.js';
import type { StreamEvent } from '../core/stream-event.js';
import type { ConversionWarning } from '../core/warning.js';
import type { AccountCredentials, UpstreamAccount } from './upstream-account.js';
import type { ProviderName } from './provider-name.js';
import type { CancelSignal } from '../core/cancel-signal.js';

/** Everything an adapter may use for one call, besides the account itself. */
export interface ProviderCallContext {
  requestId: string;
  signal: CancelSignal;
  logger: Logger;
  /** The keep-alive connection pool for this account's egress (direct or through its proxy). */
  dispatcher: Dispatcher;
  /** Collects features the target cannot express; the pipeline logs them. */
  warnings: ConversionWarning[];
  /** Persists credentials an adapter rotated (a new refresh token, a fresh access token). */
  saveCredentials(update: Partial<AccountCredentials>): Promise<void>;
  /** Incoming client headers, lower-cased (for anthropic-beta etc.). */
  clientHeaders: Record<string, string>;
  /** Session id for upstreams that use one (Amazon Q conversationId). */
  sessionId?: string;
  /**
   * The client takes this answer whole and it is short enough to wait for: an adapter with
   * `wholeAnswers` asks its upstream for it unstreamed (one body to read instead of an event per token).
   */
  wholeAnswer?: boolean;
}

/**
 * The wire formats a request body can be forwarded in unchanged. Embeddings and legacy completions
 * have no canonical form: only accounts that take them unchanged can serve them.
 */
export type PassthroughFormat =
  | 'anthropic-messages'
  | 'anthropic-count-tokens'
  | 'openai-chat'
  | 'openai-responses'
  | 'openai-embeddings'
  | 'openai-completions'
  | 'gemini-generate-content'
  | 'gemini-stream-generate-content';

/** Whether answers in this format are Anthropic-shaped (errors, usage events) rather than OpenAI-shaped. */
export function isAnthropicPassthroughFormat(format: PassthroughFormat): boolean {
  switch (format) {
    case 'anthropic-messages':
    case 'anthropic-count-tokens':
      return true;
    case 'openai-chat':
    case 'openai-responses':
    case 'openai-embeddings':
    case 'openai-completions':
    case 'gemini-generate-content':
    case 'gemini-stream-generate-content':
      return false;
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

export interface PassthroughRequest {
  format: PassthroughFormat;
  /** The client's JSON body with only `model` rewritten. */
  body: Record<string, unknown>;
  /** The client's body bytes, when `body` is exactly what they say: sent as they are (see passthroughBody). */
  bytes?: Uint8Array;
  /** Query string to forward (e.g. `beta=true`), without `?`. */
  query?: string;
}

/** A successful (2xx) upstream response, body not yet read. Non-2xx responses are thrown as typed errors. */
export interface PassthroughResponse {
  status: number;
  headers: Record<string, string>;
  /** The upstream bytes as they arrive (a Node stream: read once, `return()` stops it). */
  body: AsyncIterable<Uint8Array>;
  /** Set once the whole answer was read as one JSON object (the malformed-answer check): `body` replays it. */
  whole?: { bytes: Uint8Array; json: Record<string, unknown> };
}

export interface BalancePart {
  kind: 'base' | 'free_trial' | 'bonus';
  label: string;
  used: number;
  limit: number;
  /** When this part ends (a trial or bonus), epoch ms. */
  expiresAt?: number | null;
}

export interface BalanceOverage {
  /** Overage is switched on for the account (it keeps working past its limit, up to `cap`). */
  enabled: boolean;
  used: number;
  cap: number | null;
  rate?: number | null;
  charges?: number | null;
  currency?: string | null;
}

export interface Balance {
  /** Remaining amount in `unit` (USD, CNY, credits, requests, …); null when only usage is known. */
  remaining: number | null;
  limit?: number | null;
  used?: number | null;
  unit: string;
  resetAt?: number | null;
  plan?: string | null;
  email?: string | null;
  /** The upstream's own text, for display (Amp). */
  raw?: string;
  /** The parts that make up `limit` (base allowance, free trial, bonuses), where the upstream reports them. */
  breakdown?: BalancePart[];
  /** Use past the limit that the upstream bills as overage, where it offers that. */
  overage?: BalanceOverage;
  /** True when nothing is left and no overage is allowed: the account cannot serve until `resetAt`. */
  exhausted?: boolean;
  source: 'upstream' | 'ledger';
  checkedAt: number;
}

/**
 * The one interface every provider implements. Adapters never touch pool state: they throw typed
 * errors from core/errors and the pool reacts by its written policy.
 */
export interface ProviderAdapter {
  readonly provider: ProviderName;
  /** Streams the canonical answer. Throws (before the first event) typed errors for upstream failures. */
  stream(request: ChatRequest, upstreamModel: string, account: UpstreamAccount, context: ProviderCallContext): AsyncIterable<StreamEvent>;
  /**
   * `stream` honours `context.wholeAnswer`: its headers then come only once the answer is complete,
   * so the gateway waits for them up to the overall deadline instead of `attempt_timeout_ms`.
   */
  readonly wholeAnswers?: boolean;
  /**
   * Whether the target enforces this structured-output format itself (OpenAI `response_format`,
   * Anthropic `output_config.format`). Absent or false: the gateway forces a single tool instead.
   */
  supportsResponseFormat?(format: Exclude<ResponseFormat['type'], 'text'>, upstreamModel: string): boolean;
  /** Which client formats this adapter can forward unchanged, if any. */
  readonly passthroughFormats?: readonly PassthroughFormat[];
  passthrough?(request: PassthroughRequest, account: UpstreamAccount, context: ProviderCallContext): Promise<PassthroughResponse>;
  /**
   * Narrows `passthroughFormats` by model where one account serves several wire formats (Amp), or by
   * the account's own settings (an OpenAI-compatible server that also speaks Responses).
   */
  canPassthrough?(format: PassthroughFormat, upstreamModel: string, account?: UpstreamAccount): boolean;
  /** Reads the account's balance or usage limits from the upstream, where it has such an endpoint. */
  fetchBalance?(account: UpstreamAccount, context: ProviderCallContext): Promise<Balance | null>;
  /** Lists the models the upstream reports, where it can. */
  listModels?(account: UpstreamAccount, context: ProviderCallContext): Promise<string[]>;
  /** The models the upstream last reported for an account, as remembered (no I/O); undefined when not known. */
  reportedModels?(accountId: string): readonly string[] | undefined;
}

/** What to send for a passthrough body the adapter forwards unchanged: the client's own bytes where kept. */
export const passthroughBody = (request: PassthroughRequest): string | Uint8Array => request.bytes ?? JSON.stringify(request.body);
