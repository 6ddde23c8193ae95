import type { SecretBox } from '../crypto/secret-box.js';
import type { ProviderName } from '../providers/provider-name.js';
import type { AccountCredentials, AccountProviderSettings } from '../providers/upstream-account.js';
import type { AccountRow, AccountSecretRow } from '../store/repositories/account-repository.js';
import type { AccountRecord, AccountStatus } from './account-record.js';
import type { AccountInput } from './account-input-schema.js';
import { openAccountSecretSettings, sealAccountSecretSettings, type AccountSecretSettings } from './account-secret-settings.js';
import { buildCredentialHints } from './credential-hints.js';
import { regionOfProfileArn } from '../providers/amazonq/resolve-amazonq-endpoints.js';
import { resolveAccountEndpoints } from './resolve-account-endpoints.js';
import {
  dropUndefined,
  parseStoredBalance,
  parseStoredCredentials,
  parseStoredModels,
  parseStoredProviderSettings,
} from './stored-account-fields.js';

/** The columns an account's input decides; status, counters and timestamps are set elsewhere. */
export interface AccountInputColumns {
  name: string;
  enabled: number;
  credentials_encrypted: string;
  credential_hints: string;
  settings: string;
  base_url: string | null;
  auth_url: string | null;
  requests_per_minute: number | null;
  max_concurrency: number | null;
  weight: number;
  priority: number;
  proxy_url: string | null;
  user_agent: string | null;
  models: string | null;
  initial_balance: number | null;
  balance_threshold: number | null;
}

export function credentialsOfInput(input: AccountInput): AccountCredentials {
  switch (input.provider) {
    case 'amazonq':
      return { refresh_token: input.refresh_token, client_id: input.client_id, client_secret: input.client_secret };
    case 'kiro':
      if (input.auth_method === 'api_key') return { api_key: input.api_key ?? undefined };
      return dropUndefined({
        refresh_token: input.refresh_token ?? undefined,
        client_id: input.client_id ?? undefined,
        client_secret: input.client_secret ?? undefined,
      });
    case 'anthropic':
    case 'openai':
    case 'openai-compatible':
    case 'amp':
    case 'gemini':
      return { api_key: input.api_key };
    default: {
      const unreachable: never = input;
      throw new Error(`Unknown provider ${String((unreachable as { provider: string }).provider)}`);
    }
  }
}

/** The non-secret provider settings; custom headers are sealed apart (see account-secret-settings.ts). */
function providerSettingsOfInput(input: AccountInput): AccountProviderSettings {
  if (input.provider === 'amazonq' || input.provider === 'kiro') {
    return dropUndefined({
      region: input.region ?? undefined,
      auth_region: input.auth_region ?? undefined,
      auth_method: input.provider === 'kiro' ? input.auth_method : undefined,
      idc_kind: input.idc_kind ?? undefined,
      profile_arn: input.profile_arn ?? undefined,
    });
  }
  if (input.provider === 'openai-compatible') return dropUndefined({ supports_responses: input.supports_responses || undefined });
  return {};
}

/**
 * Encrypts the credentials (plus any kept token cache), the proxy URL and the header values, and
 * lays the input out as columns.
 */
export function accountInputToColumns(input: AccountInput, secretBox: SecretBox, keptCredentials: AccountCredentials = {}): AccountInputColumns {
  const credentials = { ...keptCredentials, ...credentialsOfInput(input) };
  const sealed = sealAccountSecretSettings(
    { ...providerSettingsOfInput(input) },
    dropUndefined({ proxy_url: input.proxy_url ?? undefined, headers: input.headers ?? undefined }),
    secretBox,
  );
  return {
    name: input.name,
    enabled: input.enabled === false ? 0 : 1,
    credentials_encrypted: secretBox.seal(JSON.stringify(credentials)),
    credential_hints: JSON.stringify(buildCredentialHints(credentials)),
    settings: sealed.settings,
    base_url: input.base_url ?? null,
    auth_url: 'auth_url' in input ? (input.auth_url ?? null) : null,
    requests_per_minute: input.requests_per_minute ?? null,
    max_concurrency: input.max_concurrency ?? null,
    weight: input.weight ?? 1,
    priority: input.priority ?? 0,
    proxy_url: sealed.proxy_url,
    user_agent: input.user_agent ?? null,
    models: input.models ? JSON.stringify(input.models) : null,
    initial_balance: input.initial_balance ?? null,
    balance_threshold: input.balance_threshold ?? null,
  };
}

/** The stored account as an input object, so a PATCH can be merged onto it and validated whole. */
export function accountRowToInput(row: AccountRow, credentials: AccountCredentials, secrets: AccountSecretSettings): Record<string, unknown> {
  const settings = parseStoredProviderSettings(row.settings);
  const provider = row.provider as ProviderName;
  const common = dropUndefined({
    provider,
    name: row.name,
    enabled: row.enabled === 1,
    base_url: row.base_url ?? undefined,
    requests_per_minute: row.requests_per_minute ?? undefined,
    max_concurrency: row.max_concurrency ?? undefined,
    weight: row.weight,
    priority: row.priority,
    proxy_url: secrets.proxy_url,
    user_agent: row.user_agent ?? undefined,
    models: parseStoredModels(row.models) ?? undefined,
    initial_balance: row.initial_balance ?? undefined,
    balance_threshold: row.balance_threshold ?? undefined,
    headers: secrets.headers,
  });
  const credentialFields = dropUndefined({
    api_key: credentials.api_key,
    refresh_token: credentials.refresh_token,
    client_id: credentials.client_id,
    client_secret: credentials.client_secret,
  });
  if (provider === 'amazonq' || provider === 'kiro') {
    return {
      ...common,
      ...credentialFields,
      ...dropUndefined({
        region: settings.region,
        auth_region: settings.auth_region,
        auth_url: row.auth_url ?? undefined,
        auth_method: provider === 'kiro' ? settings.auth_method : undefined,
        idc_kind: settings.idc_kind,
        profile_arn: settings.profile_arn,
      }),
    };
  }
  if (provider === 'openai-compatible') return { ...common, ...credentialFields, ...dropUndefined({ supports_responses: settings.supports_responses }) };
  return { ...common, ...credentialFields };
}

/** Decrypts and resolves a stored account into what the pool and the adapters use. */
export function accountRowToRecord(row: AccountSecretRow, secretBox: SecretBox): AccountRecord {
  const provider = row.provider as ProviderName;
  const secrets = openAccountSecretSettings(row, secretBox);
  const settings = dropUndefined({ ...parseStoredProviderSettings(row.settings), headers: secrets.headers });
  const credentials = parseStoredCredentials(secretBox.open(row.credentials_encrypted));
  const endpoints = resolveAccountEndpoints({
    provider,
    baseUrl: row.base_url,
    authUrl: row.auth_url,
    region: settings.region ?? regionOfProfileArn(settings.profile_arn) ?? null,
    authMethod: settings.auth_method ?? null,
    authRegion: settings.auth_region ?? null,
  });
  return {
    id: row.id,
    name: row.name,
    provider,
    enabled: row.enabled === 1,
    upstream: dropUndefined({
      id: row.id,
      name: row.name,
      provider,
      baseUrl: endpoints.baseUrl,
      authUrl: endpoints.authUrl,
      credentials,
      settings,
      proxyUrl: secrets.proxy_url,
      userAgent: row.user_agent ?? undefined,
    }),
    requestsPerMinute: row.requests_per_minute,
    maxConcurrency: row.max_concurrency,
    weight: row.weight,
    priority: row.priority,
    models: parseStoredModels(row.models),
    status: row.status as AccountStatus,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at,
    cooldownUntil: row.cooldown_until,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    balance: parseStoredBalance(row.balance),
    balanceThreshold: row.balance_threshold,
    initialBalance: row.initial_balance,
  };
}
