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
  /** Amazon Q / Kiro API region (the chat and usage host). */
  region?: string;
  /** Amazon Q / Kiro OIDC region when it differs from the API region (an IAM Identity Center instance elsewhere). */
  auth_region?: string;
  /** Kiro: how the account authenticates; `api_key` sends a long-lived `ksk_…` key and never refreshes. */
  auth_method?: 'social' | 'idc' | 'api_key';
  /** IdC accounts: a free Builder ID, or an organisation's IAM Identity Center (which needs its own profile ARN). */
  idc_kind?: 'builder_id' | 'enterprise';
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
