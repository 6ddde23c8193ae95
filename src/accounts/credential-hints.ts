import type { AccountCredentials } from '../providers/upstream-account.js';

/** What the admin API may show of an account's secrets: masked fragments and presence flags. */
export interface CredentialHints {
  api_key: string | null;
  refresh_token: string | null;
  client_id: string | null;
  client_secret: boolean;
}

export function buildCredentialHints(credentials: AccountCredentials): CredentialHints {
  return {
    api_key: maskSecret(credentials.api_key),
    refresh_token: maskSecret(credentials.refresh_token),
    client_id: maskSecret(credentials.client_id),
    client_secret: Boolean(credentials.client_secret),
  };
}

/** `sk-a…wxyz` for long values, `…` alone for short ones (too little to reveal safely). */
export function maskSecret(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length < 12) return '…';
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}

export function parseCredentialHints(value: string): CredentialHints {
  const empty: CredentialHints = { api_key: null, refresh_token: null, client_id: null, client_secret: false };
  try {
    const parsed = JSON.parse(value) as Partial<Record<keyof CredentialHints, unknown>>;
    return {
      api_key: typeof parsed.api_key === 'string' ? parsed.api_key : null,
      refresh_token: typeof parsed.refresh_token === 'string' ? parsed.refresh_token : null,
      client_id: typeof parsed.client_id === 'string' ? parsed.client_id : null,
      client_secret: parsed.client_secret === true,
    };
  } catch {
    return empty;
  }
}
