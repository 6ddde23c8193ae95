import type { Dispatcher } from 'undici';
import type { UpstreamAccount } from '../upstream-account.js';
import { classifyTransportError } from './classify-transport-error.js';
import { requestOnDispatcher } from './request-on-dispatcher.js';
import { bodyForUpstream } from './hand-over-body.js';
import { classifyUpstreamError, type UpstreamFailure } from './classify-upstream-error.js';
import type { GatewayError } from '../../core/errors/gateway-error.js';
import type { ResponseHeaders } from './parse-retry-after.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

export interface UpstreamRequest {
  url: string;
  method: 'GET' | 'POST';
  /** Headers the adapter needs (auth, content type, versions). Account headers are added on top. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
  account: UpstreamAccount;
  dispatcher: Dispatcher;
  signal: CancelSignal;
  /** Time to the response headers; defaults to the dispatcher's. */
  headersTimeoutMs?: number;
  /** Longest silence between body chunks; defaults to the dispatcher's. */
  bodyTimeoutMs?: number;
  /** The provider's own reading of a non-2xx answer; defaults to the generic table. */
  classifyError?: (failure: UpstreamFailure) => GatewayError;
}

export interface UpstreamResponse {
  status: number;
  headers: ResponseHeaders;
  body: Dispatcher.ResponseData['body'];
}

const errorBodyLimit = 16 * 1024;
/** Headers an account's settings may not override: they carry the credential or the framing. */
const protectedHeaders = new Set(['authorization', 'x-api-key', 'content-type', 'content-length', 'host']);

/** Merges the adapter's headers with the account's user agent and extra headers. */
export function buildUpstreamHeaders(account: UpstreamAccount, headers: Record<string, string>): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries(account.settings.headers ?? {})) {
    if (!protectedHeaders.has(name.toLowerCase())) merged[name.toLowerCase()] = value;
  }
  if (account.userAgent) merged['user-agent'] = account.userAgent;
  for (const [name, value] of Object.entries(headers)) merged[name.toLowerCase()] = value;
  return merged;
}

/** Reads at most `limit` bytes of a body as text and discards the rest. */
export async function readBoundedText(body: AsyncIterable<Uint8Array> & { destroy?: () => unknown }, limit = errorBodyLimit): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const buffer = Buffer.from(chunk);
      chunks.push(buffer.subarray(0, Math.max(0, limit - size)));
      size += buffer.length;
      if (size >= limit) break;
    }
  } catch {
    // A broken error body still leaves the status to classify by.
  } finally {
    body.destroy?.();
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends one call upstream on the account's dispatcher. Resolves with a 2xx response whose body is
 * unread; throws typed errors for non-2xx statuses and connection failures, and the abort itself
 * when the caller's signal fired.
 */
export function sendUpstreamRequest(call: UpstreamRequest): Promise<UpstreamResponse> {
  try {
    const headers = buildUpstreamHeaders(call.account, call.headers);
    // Bytes, handed over when large: the HTTP client keeps the body it is given for the whole call.
    const body = bodyForUpstream(call.body, headers);
    // Unset (undefined), the dispatcher's own timeouts apply (getDispatcher: 300 s each).
    const options = { method: call.method, headers, body, signal: call.signal, headersTimeout: call.headersTimeoutMs, bodyTimeout: call.bodyTimeoutMs };
    return answerOf(call.dispatcher, call.url, options, call.account, call.classifyError);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Waits for the answer to a prepared call. Not given the call itself: a waiting function keeps all it is
 * given, and the call names the body as the adapter made it (a request of hundreds of kilobytes, as a
 * string), for as long as the upstream takes to its headers (for a whole answer, to its end).
 */
async function answerOf(
  dispatcher: Dispatcher,
  url: string,
  options: Parameters<typeof requestOnDispatcher>[2],
  account: UpstreamAccount,
  classifyError: UpstreamRequest['classifyError'],
): Promise<UpstreamResponse> {
  let response: Dispatcher.ResponseData;
  try {
    response = await requestOnDispatcher(dispatcher, url, options);
  } catch (error) {
    throw classifyTransportError(error, options.signal);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) {
    return { status: response.statusCode, headers: response.headers, body: response.body };
  }
  const bodyText = await readBoundedText(response.body);
  const secrets = [account.credentials.api_key, account.credentials.access_token, account.credentials.refresh_token];
  throw (classifyError ?? classifyUpstreamError)({ status: response.statusCode, headers: response.headers, bodyText, secrets });
}
