import { z } from '@hono/zod-openapi';
import type { AccountLiveState } from '../context.js';
import type { AccountRow } from '../store/repositories/account-repository.js';
import { toIsoTime } from '../admin/to-iso-time.js';
import { parseCredentialHints } from './credential-hints.js';
import { deriveAccountStatus } from './derive-account-status.js';
import { maskHeaderValues } from './account-secret-settings.js';
import { maskProxyUrl } from './mask-proxy-url.js';
import { parseStoredBalance, parseStoredModels, parseStoredProviderSettings } from './stored-account-fields.js';
import type { ProviderName } from '../providers/provider-name.js';

export const accountDtoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    provider: z.string(),
    enabled: z.boolean(),
    base_url: z.string().nullable().openapi({ description: "The override; null means the provider's default." }),
    auth_url: z.string().nullable().openapi({ description: 'Amazon Q / Kiro token endpoint override; null means the default.' }),
    region: z.string().nullable().openapi({ description: 'Amazon Q / Kiro region; null means us-east-1.' }),
    auth_method: z.enum(['social', 'idc', 'api_key']).nullable(),
    auth_region: z.string().nullable().openapi({ description: 'Amazon Q / Kiro OIDC region; null means the API region.' }),
    idc_kind: z.enum(['builder_id', 'enterprise']).nullable(),
    profile_arn: z.string().nullable(),
    requests_per_minute: z.number().nullable(),
    max_concurrency: z.number().nullable(),
    weight: z.number(),
    priority: z.number(),
    proxy_url: z.string().nullable().openapi({ description: 'With any password masked as ***.' }),
    user_agent: z.string().nullable(),
    models: z.array(z.string()).nullable(),
    headers: z.record(z.string(), z.string()).nullable().openapi({ description: 'Header names, each value masked as ***.' }),
    supports_responses: z.boolean().nullable().openapi({ description: 'OpenAI-compatible accounts: the server also speaks the Responses API.' }),
    initial_balance: z.number().nullable(),
    balance_threshold: z.number().nullable(),
    credentials: z.object({
      api_key: z.string().nullable(),
      refresh_token: z.string().nullable(),
      client_id: z.string().nullable(),
      client_secret: z.boolean(),
    }),
    status: z.string().openapi({ description: 'As of now: a cooldown or quota reset that has passed reads as active.' }),
    status_reason: z.string().nullable().openapi({ description: 'Why the account has its status, or why it is out of rotation (balance below its threshold).' }),
    in_rotation: z.boolean().openapi({ description: 'Whether the pool would pick this account now.' }),
    status_changed_at: z.string().nullable(),
    cooldown_until: z.string().nullable(),
    last_error: z.string().nullable(),
    last_error_at: z.string().nullable(),
    balance: z.record(z.string(), z.unknown()).nullable(),
    balance_checked_at: z.string().nullable(),
    last_used_at: z.string().nullable(),
    total_requests: z.number(),
    total_tokens: z.number(),
    total_cost: z.number(),
    total_credits: z.number(),
    created_at: z.string(),
    updated_at: z.string(),
    live: z
      .object({ rpm_now: z.number(), in_flight: z.number(), cooldown_until: z.string().nullable() })
      .optional()
      .openapi({ description: 'Present when the pool reports live numbers.' }),
  })
  .openapi('Account');

export type AccountDto = z.infer<typeof accountDtoSchema>;

/** The one mapping from a stored account to what the admin API returns. Secrets never appear. */
export function toAccountDto(row: AccountRow, live?: AccountLiveState, now = Date.now()): AccountDto {
  const provider = row.provider as ProviderName;
  const settings = parseStoredProviderSettings(row.settings);
  const balance = parseStoredBalance(row.balance);
  const current = deriveAccountStatus(
    {
      enabled: row.enabled === 1,
      status: row.status,
      statusReason: row.status_reason,
      cooldownUntil: row.cooldown_until === null ? null : Number(row.cooldown_until),
      liveCooldownUntil: live?.cooldown_until ?? null,
      balance: balance ? { remaining: balance.remaining ?? null, unit: balance.unit } : null,
      balanceThreshold: row.balance_threshold === null ? null : Number(row.balance_threshold),
    },
    now,
  );
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    enabled: row.enabled === 1,
    base_url: row.base_url,
    auth_url: row.auth_url,
    region: settings.region ?? null,
    auth_method: provider === 'kiro' ? (settings.auth_method ?? 'social') : null,
    auth_region: settings.auth_region ?? null,
    idc_kind: settings.idc_kind ?? null,
    profile_arn: settings.profile_arn ?? null,
    requests_per_minute: row.requests_per_minute,
    max_concurrency: row.max_concurrency,
    weight: row.weight,
    priority: row.priority,
    proxy_url: maskProxyUrl(row.proxy_url),
    user_agent: row.user_agent,
    models: parseStoredModels(row.models),
    headers: settings.headers ? maskHeaderValues(settings.headers) : null,
    supports_responses: provider === 'openai-compatible' ? settings.supports_responses === true : null,
    initial_balance: row.initial_balance,
    balance_threshold: row.balance_threshold,
    credentials: parseCredentialHints(row.credential_hints),
    status: current.status,
    status_reason: current.statusReason,
    in_rotation: current.inRotation,
    status_changed_at: toIsoTime(row.status_changed_at),
    cooldown_until: toIsoTime(current.cooldownUntil),
    last_error: row.last_error,
    last_error_at: toIsoTime(row.last_error_at),
    balance: balance ? { ...balance } : null,
    balance_checked_at: toIsoTime(row.balance_checked_at),
    last_used_at: toIsoTime(row.last_used_at),
    total_requests: Number(row.total_requests),
    total_tokens: Number(row.total_tokens),
    total_cost: Number(row.total_cost),
    total_credits: Number(row.total_credits),
    created_at: toIsoTime(row.created_at) ?? new Date(0).toISOString(),
    updated_at: toIsoTime(row.updated_at) ?? new Date(0).toISOString(),
    ...(live ? { live: { rpm_now: live.rpm_now, in_flight: live.in_flight, cooldown_until: toIsoTime(live.cooldown_until) } } : {}),
  };
}
