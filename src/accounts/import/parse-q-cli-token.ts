import { isRecord, stringField, builderIdStartUrl, type ImportCandidate } from './import-item.js';

/** Keys of the CLI's `auth_kv` table (sic, "odic"), for the Amazon Q Developer CLI and kiro-cli. */
const tokenKeys = [
  { token: 'codewhisperer:odic:token', registration: 'codewhisperer:odic:device-registration', provider: 'amazonq' as const },
  { token: 'kirocli:odic:token', registration: 'kirocli:odic:device-registration', provider: 'kiro' as const },
];
const kiroCliSocialKey = 'kirocli:social:token';
const profileStateKey = 'api.codewhisperer.profile';

/** The CLI's stored token (`{access_token, refresh_token, region, start_url, …}`, snake_case). */
export const isQCliToken = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) && typeof value.refresh_token === 'string' && ('start_url' in value || 'oauth_flow' in value || 'region' in value) && !('provider' in value);

/** The CLI's device registration (`{client_id, client_secret, client_secret_expires_at, …}`). */
export const isQCliRegistration = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) && typeof value.client_id === 'string' && typeof value.client_secret === 'string' && value.refresh_token === undefined;

/** An object keyed like the `auth_kv` table (values as JSON text or objects), e.g. an export of it. */
export const isAuthKvExport = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) && (tokenKeys.some((keys) => keys.token in value) || kiroCliSocialKey in value);

const parseValue = (value: unknown): Record<string, unknown> | undefined => {
  if (isRecord(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

/**
 * One CLI login: the token plus its device registration (required for the OIDC refresh). Builder ID
 * when `start_url` is AWS's, IAM Identity Center otherwise; `region` is the OIDC region.
 */
export function convertQCliToken(
  source: string,
  token: Record<string, unknown>,
  registration: Record<string, unknown> | undefined,
  provider: 'amazonq' | 'kiro' = 'amazonq',
  profileArn?: string,
): ImportCandidate {
  const refreshToken = stringField(token, 'refresh_token');
  if (!refreshToken) return { source, rejected: 'The stored CLI token has no refresh_token.' };
  const clientId = registration ? stringField(registration, 'client_id') : undefined;
  const clientSecret = registration ? stringField(registration, 'client_secret') : undefined;
  if (!clientId || !clientSecret) {
    return { source, rejected: 'The CLI token needs its device registration (client_id and client_secret, key codewhisperer:odic:device-registration).' };
  }
  const startUrl = stringField(token, 'start_url');
  const enterprise = startUrl !== undefined && startUrl.replace(/\/+$/, '') !== builderIdStartUrl;
  const region = stringField(token, 'region') ?? (registration ? stringField(registration, 'region') : undefined);
  return {
    source,
    input: {
      provider,
      name: `${provider === 'kiro' ? 'kiro-cli' : 'Amazon Q CLI'} ${enterprise ? 'Identity Center' : 'Builder ID'}`,
      ...(provider === 'kiro' ? { auth_method: 'idc' } : {}),
      idc_kind: enterprise ? 'enterprise' : 'builder_id',
      refresh_token: refreshToken,
      client_id: clientId,
      client_secret: clientSecret,
      ...(region ? { auth_region: region } : {}),
      ...(enterprise && profileArn ? { profile_arn: profileArn } : {}),
    },
  };
}

/** Every login in an `auth_kv`-shaped object (and the selected profile from the `state` table, when given). */
export function convertAuthKv(source: string, entries: Record<string, unknown>, state: Record<string, unknown> = {}): ImportCandidate[] {
  const profileArn = parseValue(state[profileStateKey])?.arn;
  const candidates: ImportCandidate[] = [];
  for (const keys of tokenKeys) {
    const token = parseValue(entries[keys.token]);
    if (!token) continue;
    candidates.push(convertQCliToken(`${source} (${keys.token})`, token, parseValue(entries[keys.registration]), keys.provider, typeof profileArn === 'string' ? profileArn : undefined));
  }
  const social = parseValue(entries[kiroCliSocialKey]);
  const socialRefresh = social ? stringField(social, 'refresh_token', 'refreshToken') : undefined;
  if (social && socialRefresh) {
    const arn = stringField(social, 'profile_arn', 'profileArn');
    candidates.push({
      source: `${source} (${kiroCliSocialKey})`,
      input: { provider: 'kiro', name: 'kiro-cli social', auth_method: 'social', refresh_token: socialRefresh, ...(arn ? { profile_arn: arn } : {}) },
    });
  }
  if (candidates.length === 0) candidates.push({ source, rejected: 'No CLI login (codewhisperer:odic:token, kirocli:…) was found.' });
  return candidates;
}
