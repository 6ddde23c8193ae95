import { request, type Dispatcher } from 'undici';
import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import { UpstreamRateLimitedError } from '../../core/errors/upstream-rate-limited-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { parseRetryAfter } from './parse-retry-after.js';

const refreshTimeoutMs = 30_000;
const maxExcerptLength = 300;

/**
 * POSTs a token refresh and returns the parsed JSON body. A rejected refresh token (`invalid_grant`,
 * "Invalid refresh token provided") is a dead credential; other 4xx answers are too (an expired OIDC
 * client, a revoked grant); 429 and 5xx are transient. The refresh has its own timeout, not the
 * caller's signal, because concurrent requests share it.
 */
export async function postRefreshRequest(url: string, body: unknown, headers: Record<string, string>, dispatcher: Dispatcher): Promise<unknown> {
  let response: Dispatcher.ResponseData;
  try {
    response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      dispatcher,
      signal: AbortSignal.timeout(refreshTimeoutMs),
    });
  } catch (error) {
    throw new UpstreamUnavailableError(`Token refresh request failed: ${(error as Error).message}`, { cause: error });
  }
  const text = await response.body.text();
  const status = response.statusCode;
  if (status >= 200 && status < 300) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new UpstreamUnavailableError('Token refresh returned a body that is not JSON.', { upstreamStatus: status, cause: error });
    }
  }
  const excerpt = text.slice(0, maxExcerptLength);
  if (/invalid_grant|invalid refresh token/i.test(text)) {
    throw new CredentialInvalidError(`Refresh token rejected by the upstream (invalid_grant): ${excerpt}`, {
      refreshable: false,
      upstreamStatus: status,
      upstreamCode: 'invalid_grant',
    });
  }
  if (status === 429) {
    throw new UpstreamRateLimitedError('Token refresh was rate limited.', { upstreamStatus: status, retryAfterMs: parseRetryAfter(response.headers['retry-after']) });
  }
  if (status >= 400 && status < 500 && status !== 408) {
    throw new CredentialInvalidError(`Token refresh was refused with status ${status}: ${excerpt}`, { refreshable: false, upstreamStatus: status });
  }
  throw new UpstreamUnavailableError(`Token refresh failed with status ${status}.`, { upstreamStatus: status });
}
