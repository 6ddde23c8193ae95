import type { Dispatcher } from 'undici';
import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import type { UpstreamAccount } from '../upstream-account.js';
import { classifyAmazonQError } from './classify-error.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { readBoundedText } from './read-bounded-text.js';
import type { AmazonQEndpoints } from './resolve-amazonq-endpoints.js';
import { sendAmazonQRequest, type AmazonQHttpRequest } from './send-amazonq-request.js';
import type { AmazonQTokenManager, TokenRequestContext } from './token-manager.js';

export interface TokenRetryInput {
  account: UpstreamAccount;
  endpoints: AmazonQEndpoints;
  tokens: AmazonQTokenManager;
  tokenContext: TokenRequestContext;
  /** The model of a chat call, so a refusal of it becomes ModelUnavailableError. */
  model?: string;
  /** When the account's quota resets, if known (from GetUsageLimits). */
  quotaResetAt?: number;
  /** Builds the request for an access token (called again after a forced refresh). */
  buildRequest(accessToken: string): AmazonQHttpRequest | Promise<AmazonQHttpRequest>;
}

/**
 * Sends a Q call with a valid access token. When the upstream rejects the bearer token (Kiro answers
 * 403 "The bearer token included in the request is invalid"), it forces one refresh and retries once;
 * a second rejection is a dead credential. Every other non-2xx answer is classified and thrown.
 */
export async function callWithTokenRetry(input: TokenRetryInput): Promise<Dispatcher.ResponseData> {
  let accessToken = await input.tokens.getAccessToken(input.account, input.endpoints, input.tokenContext);
  for (let attempt = 1; ; attempt += 1) {
    const response = await sendAmazonQRequest(await input.buildRequest(accessToken));
    if (response.statusCode >= 200 && response.statusCode < 300) return response;
    const body = await readBoundedText(response.body);
    const errorTypeHeader = response.headers['x-amzn-errortype'];
    const error = classifyAmazonQError({
      status: response.statusCode,
      errorType: Array.isArray(errorTypeHeader) ? errorTypeHeader[0] : errorTypeHeader,
      body,
      retryAfterMs: parseRetryAfter(response.headers['retry-after']),
      quotaResetAt: input.quotaResetAt,
      model: input.model,
    });
    if (!(error instanceof CredentialInvalidError) || !error.refreshable) throw error;
    if (attempt > 1) {
      throw new CredentialInvalidError(`${error.message} (still rejected after a token refresh)`, {
        refreshable: false,
        upstreamStatus: error.upstreamStatus,
        upstreamCode: error.upstreamCode,
      });
    }
    accessToken = await input.tokens.forceRefresh(input.account, input.endpoints, input.tokenContext, accessToken);
  }
}
