import type { ProviderName } from '../../api/contract/account-dto';
import { secretFields, type AccountFormValues } from './account-form-values';

type Payload = Record<string, unknown>;

const commonFields = [
  'name',
  'enabled',
  'base_url',
  'requests_per_minute',
  'max_concurrency',
  'weight',
  'priority',
  'proxy_url',
  'user_agent',
  'models',
  'initial_balance',
  'balance_threshold',
] as const;

/** Fields that always have a value on the server (a blank input keeps the current one). */
const notClearable = new Set<string>(['name', 'enabled', 'weight', 'priority']);

/** The non-secret provider-specific fields each provider takes. */
export function providerFields(provider: ProviderName): readonly (keyof AccountFormValues)[] {
  switch (provider) {
    case 'amazonq':
      return ['region', 'auth_region', 'idc_kind', 'profile_arn'];
    case 'kiro':
      return ['region', 'auth_region', 'auth_method', 'idc_kind', 'profile_arn'];
    case 'anthropic':
    case 'openai':
    case 'openai-compatible':
    case 'amp':
      return [];
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}

/** The write-only credential fields each provider takes. */
export function providerSecretFields(provider: ProviderName): readonly (typeof secretFields)[number][] {
  switch (provider) {
    case 'amazonq':
      return ['refresh_token', 'client_id', 'client_secret'];
    case 'kiro':
      return ['refresh_token', 'client_id', 'client_secret', 'api_key'];
    case 'anthropic':
    case 'openai':
    case 'openai-compatible':
    case 'amp':
      return ['api_key'];
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}

function normalize(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => String(item).trim()).filter(Boolean);
    return items.length === 0 ? null : items;
  }
  return value === undefined ? null : value;
}

/** `POST /admin/accounts` body: empty optional fields left out so the server applies its defaults. */
export function buildCreatePayload(values: AccountFormValues): Payload {
  const payload: Payload = { provider: values.provider };
  for (const field of [...commonFields, ...providerFields(values.provider), ...providerSecretFields(values.provider)]) {
    const value = normalize(values[field]);
    if (value !== null) payload[field] = value;
  }
  return payload;
}

/**
 * `PATCH /admin/accounts/{id}` body: only what changed (a cleared field becomes null); secrets only
 * when typed in, so leaving them blank keeps the stored ones.
 */
export function buildPatchPayload(initial: AccountFormValues, values: AccountFormValues): Payload {
  const payload: Payload = {};
  for (const field of [...commonFields, ...providerFields(initial.provider)]) {
    const before = normalize(initial[field]);
    const after = normalize(values[field]);
    if (after === null && notClearable.has(field)) continue;
    if (JSON.stringify(before) !== JSON.stringify(after)) payload[field] = after;
  }
  for (const field of providerSecretFields(initial.provider)) {
    const value = normalize(values[field]);
    if (value !== null) payload[field] = value;
  }
  return payload;
}
