import { sharedProfileArns } from '../../providers/amazonq/profile-arn-of.js';
import { isRecord, stringField, type ImportCandidate } from './import-item.js';

/** A Kiro IDE `kiro-auth-token.json` (§8.6): camelCase, `authMethod` social | IdC, `provider` Google | Github | BuilderId | Enterprise. */
export const isKiroIdeToken = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) && typeof value.refreshToken === 'string' && typeof value.authMethod === 'string' && typeof value.provider === 'string' && !('kiroApiKey' in value);

/** The IdC client registration Kiro keeps next to the token, `<clientIdHash>.json` = `{clientId, clientSecret, expiresAt}`. */
export const isClientRegistration = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) && typeof value.clientId === 'string' && typeof value.clientSecret === 'string' && value.refreshToken === undefined;

export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  /** File name without `.json`, to match a token's `clientIdHash`. */
  hash?: string;
}

/**
 * Converts a Kiro IDE token file. Social logins keep their profile ARN; IdC logins need their client
 * registration (matched by the token's `clientIdHash` to the file name, or the only one given) and
 * never keep the placeholder ARN of Builder ID files; `region` is the OIDC region of the login.
 */
export function convertKiroIdeToken(source: string, token: Record<string, unknown>, registrations: readonly ClientRegistration[]): ImportCandidate {
  const refreshToken = stringField(token, 'refreshToken');
  if (!refreshToken) return { source, rejected: 'The Kiro token file has no refreshToken.' };
  const method = String(token.authMethod).toLowerCase();
  const provider = String(token.provider);
  const profileArn = stringField(token, 'profileArn');
  const name = `Kiro ${provider}${stringField(token, 'email') ? ` ${stringField(token, 'email')}` : ''}`;
  if (method === 'social') {
    return { source, input: { provider: 'kiro', name, auth_method: 'social', refresh_token: refreshToken, ...(profileArn ? { profile_arn: profileArn } : {}) } };
  }
  if (method !== 'idc') return { source, rejected: `Kiro logins with authMethod "${String(token.authMethod)}" are not supported.` };
  const hash = stringField(token, 'clientIdHash');
  const registration = (hash ? registrations.find((candidate) => candidate.hash === hash) : undefined) ?? (registrations.length === 1 ? registrations[0] : undefined);
  if (!registration) {
    return {
      source,
      rejected: hash
        ? `This IdC login needs its client registration file ${hash}.json (from the same folder); add it to the import.`
        : 'This IdC login needs its client registration file (clientId and clientSecret); add it to the import.',
    };
  }
  const enterprise = provider.toLowerCase() === 'enterprise';
  const region = stringField(token, 'region');
  const ownArn = profileArn && !sharedProfileArns.has(profileArn) ? profileArn : undefined;
  return {
    source,
    input: {
      provider: 'kiro',
      name,
      auth_method: 'idc',
      idc_kind: enterprise ? 'enterprise' : 'builder_id',
      refresh_token: refreshToken,
      client_id: registration.clientId,
      client_secret: registration.clientSecret,
      ...(region ? { auth_region: region } : {}),
      ...(enterprise && ownArn ? { profile_arn: ownArn } : {}),
    },
  };
}
