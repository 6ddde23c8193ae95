import type { AccountDto, ProviderName } from '../../api/contract/account-dto';

/** What the add/edit form holds; secrets start blank and stay blank unless they are replaced. */
export interface AccountFormValues {
  provider: ProviderName;
  name: string;
  enabled: boolean;
  base_url?: string | null;
  requests_per_minute?: number | null;
  max_concurrency?: number | null;
  weight?: number | null;
  priority?: number | null;
  proxy_url?: string | null;
  user_agent?: string | null;
  models?: string[];
  initial_balance?: number | null;
  balance_threshold?: number | null;
  region?: string | null;
  auth_method?: 'social' | 'idc' | 'api_key';
  idc_kind?: 'builder_id' | 'enterprise' | null;
  auth_region?: string | null;
  profile_arn?: string | null;
  api_key?: string;
  refresh_token?: string;
  client_id?: string;
  client_secret?: string;
}

/** Write-only fields: never shown, sent only when typed in. */
export const secretFields = ['api_key', 'refresh_token', 'client_id', 'client_secret'] as const;

export function accountToFormValues(account: AccountDto): AccountFormValues {
  return {
    provider: account.provider as ProviderName,
    name: account.name,
    enabled: account.enabled ?? true,
    base_url: account.base_url ?? null,
    requests_per_minute: account.requests_per_minute ?? null,
    max_concurrency: account.max_concurrency ?? null,
    weight: account.weight ?? null,
    priority: account.priority ?? null,
    proxy_url: account.proxy_url ?? null,
    user_agent: account.user_agent ?? null,
    models: account.models ?? [],
    initial_balance: account.initial_balance ?? null,
    balance_threshold: account.balance_threshold ?? null,
    region: account.region ?? null,
    auth_method: account.auth_method === 'idc' || account.auth_method === 'api_key' ? account.auth_method : 'social',
    idc_kind: account.idc_kind === 'enterprise' || account.idc_kind === 'builder_id' ? account.idc_kind : null,
    auth_region: account.auth_region ?? null,
    profile_arn: account.profile_arn ?? null,
  };
}
