import { sharedProfileArns } from '../../providers/amazonq/profile-arn-of.js';
import { isRecord, stringField, type ImportCandidate } from './import-item.js';

/** An entry of kiro.rs `credentials.json` (§8.6): `refreshToken` or `kiroApiKey`, optional `authMethod` and regions. */
export const isKiroRsCredential = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) &&
  value.provider === undefined &&
  (typeof value.kiroApiKey === 'string' || typeof value.refreshToken === 'string' || kiroRsMethods.has(String(value.authMethod).toLowerCase()));

const kiroRsMethods = new Set(['social', 'idc', 'builder-id', 'iam', 'api_key', 'apikey']);

/**
 * Converts one kiro.rs credential. `authMethod` api_key/apikey (or a lone `kiroApiKey`) is an API-key
 * account; idc/builder-id/iam (or a client id and secret) IdC; anything else social. `apiRegion` (else
 * `region`) is the API region, `authRegion` the OIDC one; `priority`, `disabled`, `proxyUrl` carry over.
 */
export function convertKiroRsCredential(source: string, entry: Record<string, unknown>): ImportCandidate {
  const rawMethod = (stringField(entry, 'authMethod') ?? '').toLowerCase();
  const apiKey = stringField(entry, 'kiroApiKey');
  const refreshToken = stringField(entry, 'refreshToken');
  const clientId = stringField(entry, 'clientId');
  const clientSecret = stringField(entry, 'clientSecret');
  const profileArn = stringField(entry, 'profileArn');
  const common: Record<string, unknown> = {
    provider: 'kiro',
    name: stringField(entry, 'email', 'name') ?? `kiro.rs ${source}`,
    ...(typeof entry.priority === 'number' && Number.isInteger(entry.priority) ? { priority: Math.max(-1000, Math.min(1000, entry.priority)) } : {}),
    ...(entry.disabled === true ? { enabled: false } : {}),
    ...(stringField(entry, 'proxyUrl') ? { proxy_url: stringField(entry, 'proxyUrl') } : {}),
    ...(stringField(entry, 'apiRegion', 'region') ? { region: stringField(entry, 'apiRegion', 'region') } : {}),
    ...(stringField(entry, 'authRegion') ? { auth_region: stringField(entry, 'authRegion') } : {}),
  };
  if (rawMethod === 'api_key' || rawMethod === 'apikey' || (!rawMethod && apiKey && !refreshToken)) {
    if (!apiKey) return { source, rejected: 'authMethod is api_key but the entry has no kiroApiKey.' };
    return { source, input: { ...common, auth_method: 'api_key', api_key: apiKey, ...(profileArn ? { profile_arn: profileArn } : {}) } };
  }
  if (!refreshToken) return { source, rejected: 'The entry has neither a refreshToken nor a kiroApiKey.' };
  const idc = rawMethod === 'idc' || rawMethod === 'builder-id' || rawMethod === 'iam' || (!rawMethod && Boolean(clientId && clientSecret));
  if (!idc) return { source, input: { ...common, auth_method: 'social', refresh_token: refreshToken, ...(profileArn ? { profile_arn: profileArn } : {}) } };
  const ownArn = profileArn && !sharedProfileArns.has(profileArn) ? profileArn : undefined;
  const enterprise = rawMethod === 'iam' || Boolean(ownArn);
  return {
    source,
    input: {
      ...common,
      auth_method: 'idc',
      idc_kind: enterprise ? 'enterprise' : 'builder_id',
      refresh_token: refreshToken,
      ...(clientId ? { client_id: clientId } : {}),
      ...(clientSecret ? { client_secret: clientSecret } : {}),
      ...(enterprise && ownArn ? { profile_arn: ownArn } : {}),
    },
  };
}
