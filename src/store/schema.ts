import type { Generated } from 'kysely';

/**
 * Table row types for Kysely. Portable storage conventions, the same on SQLite and PostgreSQL:
 * times are epoch milliseconds (bigint), booleans are integers 0/1, JSON is text, ids are text.
 */

export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  key_hint: string;
  is_admin: number;
  enabled: number;
  requests_per_minute: number | null;
  requests_per_day: number | null;
  expires_at: number | null;
  /** JSON array of model names or glob patterns; null = all models. */
  allowed_models: string | null;
  /** JSON object of budgets: {daily_tokens, monthly_tokens, total_tokens, daily_cost, monthly_cost, total_cost}. */
  budgets: string | null;
  created_at: number;
  updated_at: number;
  last_used_at: number | null;
  total_requests: Generated<number>;
  total_tokens: Generated<number>;
  total_cost: Generated<number>;
  /** Requests in flight at once across instances; null = no limit. */
  max_concurrency: number | null;
  /** How long a request over max_concurrency waits for a slot; null = the settings' queue_timeout_ms. */
  queue_timeout_ms: number | null;
  /** Set when the key is deleted: the row stays so logs and stats keep its name; it never authenticates again. */
  deleted_at: number | null;
}

export interface AccountsTable {
  id: string;
  name: string;
  provider: string;
  enabled: number;
  /** AES-256-GCM envelope of the credential JSON; never selected outside the credential vault. */
  credentials_encrypted: string;
  /** JSON of non-secret presence flags and masked hints, safe to return. */
  credential_hints: string;
  /** JSON of non-secret provider settings (region, auth_method, profile_arn, …). */
  settings: string;
  base_url: string | null;
  auth_url: string | null;
  requests_per_minute: number | null;
  max_concurrency: number | null;
  weight: number;
  priority: number;
  proxy_url: string | null;
  user_agent: string | null;
  /** JSON array of served models (globs allowed); null = any model. */
  models: string | null;
  initial_balance: number | null;
  balance_threshold: number | null;
  status: string;
  status_reason: string | null;
  status_changed_at: number | null;
  cooldown_until: number | null;
  last_error: string | null;
  last_error_at: number | null;
  /** JSON of the latest balance reading. */
  balance: string | null;
  balance_checked_at: number | null;
  last_used_at: number | null;
  total_requests: Generated<number>;
  total_tokens: Generated<number>;
  total_cost: Generated<number>;
  total_credits: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface RequestLogsTable {
  /** The request id (x-request-id). */
  id: string;
  created_at: number;
  api_key_id: string;
  account_id: string | null;
  provider: string | null;
  requested_model: string;
  upstream_model: string | null;
  stream: number;
  client_format: string;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number | null;
  credits: number | null;
  cost: number;
  latency_ms: number;
  ttft_ms: number | null;
  status: string;
  http_status: number;
  error_type: string | null;
  error_message: string | null;
  client_ip: string | null;
  user_agent: string | null;
  /** JSON array of every upstream attempt: [{account_id, provider, outcome, error_type?, http_status?}]. */
  attempts: string | null;
  /** The part of cache_write_tokens written with a 5-minute / 1-hour time to live, when the upstream says. */
  cache_write_5m_tokens: number | null;
  cache_write_1h_tokens: number | null;
}

/** Aggregates of request_logs. Dimensions are never null: '*' = all values, '' = none. */
export interface UsageRollupsTable {
  granularity: string;
  bucket_start: number;
  api_key_id: string;
  account_id: string;
  provider: string;
  model: string;
  requests: number;
  successes: number;
  errors: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  cost: number;
  credits: number;
  latency_sum: number;
  latency_max: number;
  latency_p95: number;
  updated_at: number;
}

/** A Responses answer kept for `previous_response_id`; items are JSON arrays. */
export interface StoredResponsesTable {
  id: string;
  api_key_id: string;
  created_at: number;
  input_items: string;
  output_items: string;
}

export interface Database {
  api_keys: ApiKeysTable;
  accounts: AccountsTable;
  settings: SettingsTable;
  request_logs: RequestLogsTable;
  usage_rollups: UsageRollupsTable;
  stored_responses: StoredResponsesTable;
}
