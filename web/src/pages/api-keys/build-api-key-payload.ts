import type { ApiKeyDto } from '../../api/api-types';

/** The key form's values; expiry as an ISO string (or null for never). */
export interface ApiKeyFormValues {
  name: string;
  is_admin: boolean;
  enabled: boolean;
  requests_per_minute?: number | null;
  requests_per_day?: number | null;
  expires_at?: string | null;
  allowed_models?: string[];
  daily_cost?: number | null;
  monthly_cost?: number | null;
}

export function apiKeyToFormValues(key: ApiKeyDto): ApiKeyFormValues {
  return {
    name: key.name,
    is_admin: key.is_admin ?? false,
    enabled: key.enabled ?? true,
    requests_per_minute: key.requests_per_minute ?? null,
    requests_per_day: key.requests_per_day ?? null,
    expires_at: key.expires_at ?? null,
    allowed_models: key.allowed_models ?? [],
    daily_cost: key.budgets?.daily_cost ?? null,
    monthly_cost: key.budgets?.monthly_cost ?? null,
  };
}

function numberOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Body for `POST` (create: nulls left out) or `PATCH` (edit: every field sent, null clears a limit).
 * Budgets are sent only when one is set or one is being cleared.
 */
export function buildApiKeyPayload(values: ApiKeyFormValues, mode: 'create' | 'edit', initial?: ApiKeyFormValues): Record<string, unknown> {
  const models = (values.allowed_models ?? []).map((model) => model.trim()).filter(Boolean);
  const payload: Record<string, unknown> = {
    name: values.name.trim(),
    is_admin: values.is_admin,
    enabled: values.enabled,
    requests_per_minute: numberOrNull(values.requests_per_minute),
    requests_per_day: numberOrNull(values.requests_per_day),
    expires_at: values.expires_at || null,
    allowed_models: models.length > 0 ? models : null,
  };
  const dailyCost = numberOrNull(values.daily_cost);
  const monthlyCost = numberOrNull(values.monthly_cost);
  const hadBudget = numberOrNull(initial?.daily_cost) !== null || numberOrNull(initial?.monthly_cost) !== null;
  if (dailyCost !== null || monthlyCost !== null || hadBudget) payload.budgets = { daily_cost: dailyCost, monthly_cost: monthlyCost };
  if (mode === 'create') {
    for (const [field, value] of Object.entries(payload)) if (value === null) delete payload[field];
  }
  return payload;
}
