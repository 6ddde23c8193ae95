import type { Dispatcher } from 'undici';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { Balance } from '../provider-adapter.js';
import type { UpstreamAccount } from '../upstream-account.js';
import type { AmazonQFlavour } from './amazonq-flavour.js';
import { applyKiroRuntimeHeaders, buildChatHeaders } from './build-request-headers.js';
import { callWithTokenRetry } from './call-with-token-retry.js';
import type { AmazonQEndpoints } from './resolve-amazonq-endpoints.js';
import type { AmazonQHttpRequest } from './send-amazonq-request.js';
import type { AmazonQTokenManager, TokenRequestContext } from './token-manager.js';
import { usageLimitsResponseSchema, usageLimitsToBalance } from './usage-limits-to-balance.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

export interface FetchUsageLimitsInput {
  account: UpstreamAccount;
  endpoints: AmazonQEndpoints;
  flavour: AmazonQFlavour;
  tokens: AmazonQTokenManager;
  tokenContext: TokenRequestContext;
  dispatcher: Dispatcher;
  signal: CancelSignal;
  /** Read when each request is built, so an ARN learnt from the token refresh is sent. */
  profileArn: () => string | undefined;
  now?: () => number;
}

const usageLimitsTarget = 'AmazonCodeWhispererService.GetUsageLimits';

/**
 * GetUsageLimits: Kiro's `GET /getUsageLimits?origin=AI_EDITOR&resourceType=AGENTIC_REQUEST…`, or the
 * awsJson `POST /` with `x-amz-target: AmazonCodeWhispererService.GetUsageLimits` for Q CLI accounts.
 */
export async function fetchUsageLimits(input: FetchUsageLimitsInput): Promise<Balance> {
  const response = await callWithTokenRetry({
    account: input.account,
    endpoints: input.endpoints,
    tokens: input.tokens,
    tokenContext: input.tokenContext,
    buildRequest: (accessToken) => buildUsageRequest(input, accessToken),
  });
  const text = await response.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UpstreamUnavailableError('Usage limits response is not JSON.', { upstreamStatus: response.statusCode, cause: error });
  }
  const parsed = usageLimitsResponseSchema.safeParse(json);
  if (!parsed.success) throw new UpstreamUnavailableError('Usage limits response has an unexpected shape.', { upstreamStatus: response.statusCode });
  return usageLimitsToBalance(parsed.data, (input.now ?? Date.now)());
}

function buildUsageRequest(input: FetchUsageLimitsInput, accessToken: string): AmazonQHttpRequest {
  const headers = buildChatHeaders(input.account, input.flavour, accessToken);
  delete headers['x-amzn-kiro-agent-mode'];
  const common = { headers, dispatcher: input.dispatcher, signal: input.signal };
  const profileArn = input.profileArn();
  if (input.flavour.provider === 'kiro') {
    const query = new URLSearchParams({ origin: 'AI_EDITOR', resourceType: 'AGENTIC_REQUEST', isEmailRequired: 'true' });
    if (profileArn) query.set('profileArn', profileArn);
    delete headers['content-type'];
    applyKiroRuntimeHeaders(headers, input.account);
    return { ...common, url: `${input.endpoints.baseUrl}/getUsageLimits?${query.toString()}`, method: 'GET' };
  }
  headers['x-amz-target'] = usageLimitsTarget;
  const body = {
    origin: input.flavour.origin,
    resourceType: 'AGENTIC_REQUEST',
    isEmailRequired: true,
    ...(profileArn ? { profileArn } : {}),
  };
  return { ...common, url: `${input.endpoints.baseUrl}/`, method: 'POST', body: JSON.stringify(body) };
}
