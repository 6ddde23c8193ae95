import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import type { UpstreamAccount } from '../upstream-account.js';

/** The account's API key, or a CredentialInvalidError when the account has none. */
export function requireApiKey(account: UpstreamAccount): string {
  const apiKey = account.credentials.api_key;
  if (!apiKey) throw new CredentialInvalidError(`Account ${account.name} has no API key.`);
  return apiKey;
}
