import type { UpstreamAccount } from '../upstream-account.js';

export type AmazonQAuthMethod = 'social' | 'idc' | 'api_key';

/** What kind of login an account is; decides its refresh and where it needs a profile ARN (§8.2). */
export type AmazonQAccountKind = 'social' | 'builder_id' | 'enterprise' | 'api_key';

export interface AmazonQEndpoints {
  /** Service root without a trailing slash (`https://q.us-east-1.amazonaws.com`). */
  baseUrl: string;
  /** OIDC host (`/token` is appended) or Kiro auth host (`/refreshToken` is appended); unused for API keys. */
  authUrl: string;
  authMethod: AmazonQAuthMethod;
  kind: AmazonQAccountKind;
  /** The API region (chat, usage, models). */
  region: string;
  /** The OIDC region (an Identity Center instance may live elsewhere than the Q endpoint). */
  authRegion: string;
}

const defaultRegion = 'us-east-1';

/** The region inside `arn:aws:codewhisperer:<region>:…`. */
export const regionOfProfileArn = (arn: string | undefined): string | undefined =>
  arn ? /^arn:aws[a-z-]*:codewhisperer:([a-z]{2}(?:-[a-z]+)+-\d):/.exec(arn)?.[1] : undefined;

/**
 * Q CLI accounts always refresh through SSO OIDC. Kiro accounts use the Kiro social endpoint unless
 * `auth_method` says `idc` (or the account carries an OIDC client id and secret), or `api_key`, which
 * never refreshes. The API region is the account's region, else the one of its profile ARN; the OIDC
 * region is `auth_region`, else the API region. Base and auth URLs come from the account when set.
 */
export function resolveAmazonQEndpoints(account: UpstreamAccount): AmazonQEndpoints {
  const settings = account.settings;
  const region = settings.region?.trim() || regionOfProfileArn(settings.profile_arn) || defaultRegion;
  const authRegion = settings.auth_region?.trim() || region;
  const hasClient = Boolean(account.credentials.client_id && account.credentials.client_secret);
  const authMethod: AmazonQAuthMethod =
    account.provider === 'amazonq' ? 'idc' : (settings.auth_method ?? (hasClient ? 'idc' : account.credentials.api_key && !account.credentials.refresh_token ? 'api_key' : 'social'));
  const defaultAuthUrl = authMethod === 'social' ? `https://prod.${authRegion}.auth.desktop.kiro.dev` : `https://oidc.${authRegion}.amazonaws.com`;
  return {
    baseUrl: stripTrailingSlash(account.baseUrl?.trim() || `https://q.${region}.amazonaws.com`),
    authUrl: stripTrailingSlash(account.authUrl?.trim() || defaultAuthUrl),
    authMethod,
    kind: accountKindOf(authMethod, settings.idc_kind),
    region,
    authRegion,
  };
}

function accountKindOf(authMethod: AmazonQAuthMethod, idcKind: 'builder_id' | 'enterprise' | undefined): AmazonQAccountKind {
  switch (authMethod) {
    case 'social':
      return 'social';
    case 'api_key':
      return 'api_key';
    case 'idc':
      return idcKind ?? 'builder_id';
    default: {
      const unreachable: never = authMethod;
      return unreachable;
    }
  }
}

const stripTrailingSlash = (url: string): string => url.replace(/\/+$/, '');
