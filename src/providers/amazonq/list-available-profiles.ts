import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import type { UpstreamAccount } from '../upstream-account.js';
import type { AmazonQFlavour } from './amazonq-flavour.js';
import { applyKiroRuntimeHeaders, buildChatHeaders } from './build-request-headers.js';
import { readAmazonQPages } from './read-amazonq-pages.js';
import { regionOfProfileArn, type AmazonQEndpoints } from './resolve-amazonq-endpoints.js';
import type { AmazonQHttpRequest } from './send-amazonq-request.js';
import type { AmazonQTokenManager, TokenRequestContext } from './token-manager.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

export interface ListAvailableProfilesInput {
  account: UpstreamAccount;
  endpoints: AmazonQEndpoints;
  flavour: AmazonQFlavour;
  tokens: AmazonQTokenManager;
  tokenContext: TokenRequestContext;
  dispatcher: Dispatcher;
  signal: CancelSignal;
}

const profilesPage = z.looseObject({
  profiles: z.array(z.looseObject({ arn: z.string().nullish(), profileName: z.string().nullish() })).nullish(),
  nextToken: z.string().nullish(),
});

const listProfilesTarget = 'AmazonCodeWhispererService.ListAvailableProfiles';

/**
 * ListAvailableProfiles (§8.2): the profile ARN of an IAM Identity Center (Enterprise) account, which
 * its OIDC refresh does not report. Kiro: `POST {base}/ListAvailableProfiles` with `{}`; Q CLI: awsJson
 * `POST /` with `x-amz-target: AmazonCodeWhispererService.ListAvailableProfiles`. Follows `nextToken` a
 * few pages and prefers a profile in the account's API region. No profile at all means the user is not
 * assigned to one: a credential that cannot work.
 */
export async function findOwnProfileArn(input: ListAvailableProfilesInput): Promise<string> {
  const pages = await readAmazonQPages({
    account: input.account,
    endpoints: input.endpoints,
    tokens: input.tokens,
    tokenContext: input.tokenContext,
    buildRequest: (accessToken, nextToken) => buildProfilesRequest(input, accessToken, nextToken),
    page: profilesPage,
    what: 'Profile list',
  });
  const arns = pages.flatMap((page) => (page.profiles ?? []).flatMap((profile) => (profile.arn ? [profile.arn] : [])));
  const arn = arns.find((candidate) => regionOfProfileArn(candidate) === input.endpoints.region) ?? arns[0];
  if (!arn) {
    throw new CredentialInvalidError('No profiles available: the Identity Center user is not assigned to a Kiro / Amazon Q profile.', { refreshable: false });
  }
  return arn;
}

function buildProfilesRequest(input: ListAvailableProfilesInput, accessToken: string, nextToken: string | undefined): AmazonQHttpRequest {
  const headers = buildChatHeaders(input.account, input.flavour, accessToken);
  delete headers['x-amzn-kiro-agent-mode'];
  const body = JSON.stringify(nextToken ? { nextToken } : {});
  const common = { headers, dispatcher: input.dispatcher, signal: input.signal, method: 'POST' as const, body };
  if (input.flavour.provider === 'kiro') {
    headers['content-type'] = 'application/json';
    applyKiroRuntimeHeaders(headers, input.account);
    return { ...common, url: `${input.endpoints.baseUrl}/ListAvailableProfiles` };
  }
  headers['x-amz-target'] = listProfilesTarget;
  return { ...common, url: `${input.endpoints.baseUrl}/` };
}
