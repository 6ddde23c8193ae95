import type { Dispatcher } from 'undici';
import { z } from 'zod';
import type { UpstreamAccount } from '../upstream-account.js';
import type { AmazonQFlavour } from './amazonq-flavour.js';
import { applyKiroRuntimeHeaders, buildChatHeaders } from './build-request-headers.js';
import { readAmazonQPages } from './read-amazonq-pages.js';
import type { AmazonQEndpoints } from './resolve-amazonq-endpoints.js';
import type { AmazonQModelInfo } from './account-model-tables.js';
import type { AmazonQHttpRequest } from './send-amazonq-request.js';
import type { AmazonQTokenManager, TokenRequestContext } from './token-manager.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

export interface ListAvailableModelsInput {
  account: UpstreamAccount;
  endpoints: AmazonQEndpoints;
  flavour: AmazonQFlavour;
  tokens: AmazonQTokenManager;
  tokenContext: TokenRequestContext;
  dispatcher: Dispatcher;
  signal: CancelSignal;
  /** Read when each request is built, so an ARN learnt from the token refresh is sent. */
  profileArn: () => string | undefined;
}

const tokenLimit = z.number().int().positive().nullish().catch(undefined);

const modelsPage = z.looseObject({
  models: z
    .array(
      z.looseObject({
        modelId: z.string(),
        tokenLimits: z.looseObject({ maxInputTokens: tokenLimit, maxOutputTokens: tokenLimit }).nullish().catch(undefined),
      }),
    )
    .nullish(),
  nextToken: z.string().nullish(),
});

const listModelsTarget = 'AmazonCodeWhispererService.ListAvailableModels';

/**
 * ListAvailableModels: Kiro's `GET /ListAvailableModels?origin=AI_EDITOR&maxResults=50`, or the awsJson
 * `POST /` with `x-amz-target: AmazonCodeWhispererService.ListAvailableModels`. Follows `nextToken` a few pages.
 */
export async function listAvailableModels(input: ListAvailableModelsInput): Promise<AmazonQModelInfo[]> {
  const pages = await readAmazonQPages({
    account: input.account,
    endpoints: input.endpoints,
    tokens: input.tokens,
    tokenContext: input.tokenContext,
    buildRequest: (accessToken, nextToken) => buildModelsRequest(input, accessToken, nextToken),
    page: modelsPage,
    what: 'Model list',
  });
  const models: AmazonQModelInfo[] = [];
  for (const model of pages.flatMap((page) => page.models ?? [])) {
    if (models.some((known) => known.modelId === model.modelId)) continue;
    models.push({
      modelId: model.modelId,
      ...(model.tokenLimits?.maxInputTokens ? { maxInputTokens: model.tokenLimits.maxInputTokens } : {}),
      ...(model.tokenLimits?.maxOutputTokens ? { maxOutputTokens: model.tokenLimits.maxOutputTokens } : {}),
    });
  }
  return models;
}

function buildModelsRequest(input: ListAvailableModelsInput, accessToken: string, nextToken: string | undefined): AmazonQHttpRequest {
  const headers = buildChatHeaders(input.account, input.flavour, accessToken);
  delete headers['x-amzn-kiro-agent-mode'];
  const common = { headers, dispatcher: input.dispatcher, signal: input.signal };
  const profileArn = input.profileArn();
  if (input.flavour.provider === 'kiro') {
    const query = new URLSearchParams({ origin: 'AI_EDITOR', maxResults: '50' });
    if (profileArn) query.set('profileArn', profileArn);
    if (nextToken) query.set('nextToken', nextToken);
    delete headers['content-type'];
    applyKiroRuntimeHeaders(headers, input.account);
    return { ...common, url: `${input.endpoints.baseUrl}/ListAvailableModels?${query.toString()}`, method: 'GET' };
  }
  headers['x-amz-target'] = listModelsTarget;
  const body = {
    origin: input.flavour.origin,
    maxResults: 50,
    ...(nextToken ? { nextToken } : {}),
    ...(profileArn ? { profileArn } : {}),
  };
  return { ...common, url: `${input.endpoints.baseUrl}/`, method: 'POST', body: JSON.stringify(body) };
}
