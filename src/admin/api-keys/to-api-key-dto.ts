import { parseStoredBudgets } from '../../auth/api-key-budgets.js';
import type { ApiKeyRow } from '../../store/repositories/api-key-repository.js';
import { toIsoTime } from '../to-iso-time.js';
import type { ApiKeyDto } from './api-key-schemas.js';

export function toApiKeyDto(row: ApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    key_hint: row.key_hint,
    is_admin: row.is_admin === 1,
    enabled: row.enabled === 1,
    requests_per_minute: row.requests_per_minute,
    requests_per_day: row.requests_per_day,
    expires_at: toIsoTime(row.expires_at),
    allowed_models: parseModels(row.allowed_models),
    budgets: parseStoredBudgets(row.budgets),
    max_concurrency: row.max_concurrency,
    queue_timeout_ms: row.queue_timeout_ms,
    created_at: toIsoTime(row.created_at) ?? new Date(0).toISOString(),
    updated_at: toIsoTime(row.updated_at) ?? new Date(0).toISOString(),
    last_used_at: toIsoTime(row.last_used_at),
    total_requests: Number(row.total_requests),
    total_tokens: Number(row.total_tokens),
    total_cost: Number(row.total_cost),
  };
}

function parseModels(value: string | null): string[] | null {
  if (value === null) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : null;
  } catch {
    return null;
  }
}
