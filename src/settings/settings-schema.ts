import { z } from 'zod';

/** Price of a model in USD per million tokens. */
export const modelPriceSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cache_read: z.number().nonnegative().optional(),
  /** Cache writes with the default 5-minute TTL (Claude: 1.25× input when unset). */
  cache_write: z.number().nonnegative().optional(),
  /** Cache writes with a 1-hour TTL (2× input when unset). */
  cache_write_1h: z.number().nonnegative().optional(),
});

export const webhookEventNames = ['account_disabled', 'quota_exhausted', 'balance_low', 'key_budget_reached'] as const;

export const webhookSchema = z.object({
  url: z.url().max(2000),
  events: z.array(z.enum(webhookEventNames)).min(1).default([...webhookEventNames]),
  /** When set, each POST carries `x-sluice-signature: sha256=<hmac of the body>`. */
  secret: z.string().min(1).max(1000).optional(),
});

export const routingStrategies = ['round_robin', 'weighted', 'priority', 'least_inflight'] as const;

/**
 * Runtime settings, stored in the `settings` table and editable through `PATCH /admin/settings`.
 * Every field has a default so a fresh install works as is.
 */
export const settingsSchema = z.object({
  /** Requested model → model sent upstream, applied before routing (`gpt-4` → `claude-sonnet-4.5`). */
  model_mappings: z.record(z.string().min(1).max(256), z.string().min(1).max(256)).default({ 'gpt-4': 'claude-sonnet-4.5' }),
  routing_strategy: z.enum(routingStrategies).default('round_robin'),
  /** Overrides and additions to the built-in price table. */
  prices: z.record(z.string().min(1).max(256), modelPriceSchema).default({}),
  log_retention_days: z.number().int().min(1).max(3650).default(30),
  /** Hourly and daily roll-ups older than this are deleted by the retention job (kept longer than raw logs). */
  rollup_retention_days: z.number().int().min(1).max(3650).default(400),
  webhooks: z.array(webhookSchema).default([]),
  /** How often disabled and cooling accounts are probed; 0 turns the check off. */
  health_check_interval_seconds: z.number().int().min(0).default(300),
  balance_check_interval_seconds: z.number().int().min(0).default(3600),
  sticky_session_ttl_seconds: z.number().int().min(0).default(3600),
  /** How long a request may wait for a busy account before getting a 429; 0 = answer at once. */
  queue_timeout_ms: z.number().int().min(0).max(60_000).default(0),
  max_failover_attempts: z.number().int().min(1).max(10).default(3),
  /** Total deadline for connecting and getting the first byte across all attempts. */
  first_byte_timeout_ms: z.number().int().min(1000).default(120_000),
  /**
   * One attempt's share of that deadline: time from the request reaching the upstream to its
   * response headers (a wait for a local connection does not count). A hung account is then
   * failed over. Clamped to what is left of the deadline; a non-streaming answer, whose headers
   * come only when it is complete, gets the whole remaining deadline.
   */
  attempt_timeout_ms: z.number().int().min(1000).default(30_000),
  /**
   * Longest silence between two chunks of an upstream answer (while the client keeps reading).
   * Generous on purpose: Anthropic sends pings during pauses, but OpenAI-style streams are silent
   * while a reasoning model thinks. On expiry the stream ends with an error event.
   */
  stream_idle_timeout_ms: z.number().int().min(1000).default(120_000),
});

export type Settings = z.infer<typeof settingsSchema>;
export type ModelPrice = z.infer<typeof modelPriceSchema>;
export type WebhookEventName = (typeof webhookEventNames)[number];

export const defaultSettings = (): Settings => settingsSchema.parse({});
