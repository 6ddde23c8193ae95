import { isGatewayError, type GatewayError } from '../../core/errors/gateway-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

const timeoutCodes = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
]);

const errorCode = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined || cause === error ? undefined : errorCode(cause);
};

/** What each timeout means, for the message the client and the log see. */
const timeoutMessages: Record<string, string> = {
  UND_ERR_HEADERS_TIMEOUT: 'The upstream did not answer within the attempt timeout (UND_ERR_HEADERS_TIMEOUT).',
  UND_ERR_BODY_TIMEOUT: 'The upstream stream stalled: nothing arrived within the stream idle timeout (UND_ERR_BODY_TIMEOUT).',
};

/**
 * The typed error for a failure to talk to the upstream (connection refused or reset, timeout).
 * A connect timeout is not blamed on the account: nothing reached the upstream, and every account
 * on that host or route would have failed alike. Timeouts once the request was on the wire are.
 */
export function transportErrorToGatewayError(error: unknown): GatewayError {
  if (isGatewayError(error)) return error;
  const code = errorCode(error);
  const name = error instanceof Error ? error.name : undefined;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new UpstreamUnavailableError(`Connecting to the upstream timed out (${code}).`, { timeout: true, upstreamCode: code, cause: error, blamesAccount: false });
  }
  const known = code === undefined ? undefined : timeoutMessages[code];
  if (known !== undefined) return new UpstreamUnavailableError(known, { timeout: true, upstreamCode: code, cause: error });
  if ((code !== undefined && timeoutCodes.has(code)) || name === 'TimeoutError') {
    return new UpstreamUnavailableError(`Upstream timed out (${code ?? name}).`, { timeout: true, upstreamCode: code, cause: error });
  }
  return new UpstreamUnavailableError(`Upstream connection failed (${code ?? name ?? 'unknown'}).`, { upstreamCode: code, cause: error });
}

/**
 * Classifies a failure to talk to the upstream at all. A client disconnect (the call's own signal
 * aborted) is returned unchanged so it propagates as an abort, never as an account fault.
 */
export function classifyTransportError(error: unknown, signal?: CancelSignal): unknown {
  if (signal?.aborted) return error;
  return transportErrorToGatewayError(error);
}
