import type { UpstreamAccount } from '../upstream-account.js';

export type AmazonQAuthMethod = 'social' | 'idc';

export interface AmazonQEndpoints {
  /** Service root without a trailing slash (`https://q.us-east-1.amazonaws.com`). */
  baseUrl: string;
  /** OIDC host (`/token` is appended) or Kiro auth host (`/refreshToken` is appended). */
  authUrl: string;
  authMethod: AmazonQAuthMethod;
  region: string;
}

const defaultRegion = 'us-east-1';

/**
 * Q CLI accounts always refresh through SSO OIDC. Kiro accounts use the Kiro social endpoint unless
 * `auth_method` says `idc` or the account carries an OIDC client id and secret. Base and auth URLs
 * come from the account when set, else from the region.
 */
export function resolveAmazonQEndpoints(account: UpstreamAccount): AmazonQEndpoints {
  const region = account.settings.region?.trim() || defaultRegion;
  const hasClient = Boolean(account.credentials.client_id && account.credentials.client_secret);
  const authMethod: AmazonQAuthMethod =
    account.provider === 'amazonq' ? 'idc' : (account.settings.auth_method ?? (hasClient ? 'idc' : 'social'));
  const defaultAuthUrl = authMethod === 'idc' ? `https://oidc.${region}.amazonaws.com` : `https://prod.${region}.auth.desktop.kiro.dev`;
  return {
    baseUrl: stripTrailingSlash(account.baseUrl?.trim() || `https://q.${region}.amazonaws.com`),
    authUrl: stripTrailingSlash(account.authUrl?.trim() || defaultAuthUrl),
    authMethod,
    region,
  };
}

const stripTrailingSlash = (url: string): string => url.replace(/\/+$/, '');
