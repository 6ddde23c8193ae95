import { createHash, randomUUID } from 'node:crypto';
import type { UpstreamAccount } from '../upstream-account.js';
import type { AmazonQFlavour } from './amazonq-flavour.js';
import { resolveAmazonQEndpoints } from './resolve-amazonq-endpoints.js';

const kiroVersion = '0.11.107';
const cliUserAgent = 'aws-sdk-rust/1.3.9 ua/2.1 api/codewhispererstreaming/0.1.11582 os/macos lang/rust/1.87.0 md/appVersion-1.19.3 app/AmazonQ-For-CLI';

/** A stable per-account machine id (64 hex), derived from the account id, never from a secret. */
export const machineIdOf = (account: UpstreamAccount): string => createHash('sha256').update(`sluice-machine/${account.id}`).digest('hex');

/** The user agent sent with every call of the account (its own when configured). */
export function userAgentOf(account: UpstreamAccount, flavour: AmazonQFlavour): string {
  if (account.userAgent) return account.userAgent;
  if (flavour.provider === 'amazonq') return cliUserAgent;
  return `aws-sdk-js/1.0.34 ua/2.1 os/darwin#24.6.0 lang/js md/nodejs#22.22.0 api/codewhispererstreaming#1.0.34 m/E KiroIDE-${kiroVersion}-${machineIdOf(account)}`;
}

/** The user agent of token refreshes: the account's own, else what the Q CLI's OIDC client or the Kiro IDE (OIDC or social) sends. */
export function refreshUserAgentOf(account: UpstreamAccount, flavour: AmazonQFlavour): string {
  if (account.userAgent) return account.userAgent;
  if (flavour.provider === 'amazonq') return 'aws-sdk-rust/1.3.9 ua/2.1 api/ssooidc/1.88.0 os/macos lang/rust/1.87.0 m/E app/AmazonQ-For-CLI';
  if (resolveAmazonQEndpoints(account).authMethod === 'idc') {
    return 'aws-sdk-js/3.980.0 ua/2.1 os/darwin#24.6.0 lang/js md/nodejs#22.22.0 api/sso-oidc#3.980.0 m/E KiroIDE';
  }
  return `KiroIDE-${kiroVersion}-${machineIdOf(account)}`;
}

/**
 * The Kiro IDE reads usage limits and models through its `codewhispererruntime` client, which sends
 * other user agents and a single attempt (§5 of the protocol notes); an account's own agent still wins.
 */
export function applyKiroRuntimeHeaders(headers: Record<string, string>, account: UpstreamAccount): void {
  headers['amz-sdk-request'] = 'attempt=1; max=1';
  if (account.userAgent) return;
  const kiro = `KiroIDE-${kiroVersion}-${machineIdOf(account)}`;
  headers['user-agent'] = `aws-sdk-js/1.0.0 ua/2.1 os/darwin#24.6.0 lang/js md/nodejs#22.22.0 api/codewhispererruntime#1.0.0 m/N,E ${kiro}`;
  headers['x-amz-user-agent'] = `aws-sdk-js/1.0.0 ${kiro}`;
}

/** Headers of a chat call, per flavour (§1.4 of the protocol notes). */
export function buildChatHeaders(account: UpstreamAccount, flavour: AmazonQFlavour, accessToken: string): Record<string, string> {
  const userAgent = userAgentOf(account, flavour);
  const headers: Record<string, string> = {
    authorization: `Bearer ${accessToken}`,
    'content-type': flavour.contentType,
    accept: '*/*',
    'user-agent': userAgent,
    'x-amzn-codewhisperer-optout': 'true',
    'amz-sdk-invocation-id': randomUUID(),
    'amz-sdk-request': 'attempt=1; max=3',
  };
  if (flavour.chatTarget) {
    headers['x-amz-target'] = flavour.chatTarget;
    headers['x-amz-user-agent'] = userAgent;
  } else {
    headers['x-amzn-kiro-agent-mode'] = 'vibe';
    headers['x-amz-user-agent'] = account.userAgent ?? `aws-sdk-js/1.0.34 KiroIDE-${kiroVersion}-${machineIdOf(account)}`;
  }
  // Kiro API keys go as the bearer itself, marked so (§8.1).
  if (resolveAmazonQEndpoints(account).authMethod === 'api_key') headers.tokentype = 'API_KEY';
  for (const [name, value] of Object.entries(account.settings.headers ?? {})) {
    if (name.toLowerCase() !== 'authorization') headers[name.toLowerCase()] = value;
  }
  return headers;
}
