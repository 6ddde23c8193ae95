import type { ProviderName } from './provider-name.js';

/** Decrypted secrets of an account. Which fields are set depends on the provider. */
export interface AccountCredentials {
  api_key?: string;
  refresh_token?: string;
  client_id?: string;
  client_secret?: string;
  /** Cached OAuth access token (Amazon Q / Kiro) and its expiry in epoch ms. */
  access_token?: string;
  access_token_expires_at?: number;
}

/** Non-secret provider settings kept beside the account. */
export interface AccountProviderSettings {
  region?: string;
  auth_method?: 'social' | 'idc';
  profile_arn?: string;
  /** Extra headers sent upstream on every call (e.g. Amp's x-amp-feature). */
  headers?: Record<string, string>;
  /** An OpenAI-compatible server that also serves `/responses`: Responses clients pass through unchanged. */
  supports_responses?: boolean;
}

/** What a provider adapter sees of an account: everything needed for one upstream call. */
export interface UpstreamAccount {
  id: string;
  name: string;
  provider: ProviderName;
  /** The service root, defaulted per provider (see DESIGN.md contract). */
  baseUrl: string;
  authUrl?: string;
  credentials: AccountCredentials;
  settings: AccountProviderSettings;
  proxyUrl?: string;
  userAgent?: string;
}
