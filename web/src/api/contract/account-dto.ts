import { z } from 'zod';

export const providerNames = ['amazonq', 'kiro', 'anthropic', 'openai', 'openai-compatible', 'amp'] as const;
export type ProviderName = (typeof providerNames)[number];

export const accountStatuses = ['active', 'cooling', 'quota_exhausted', 'disabled'] as const;

export const balanceSchema = z.object({
  remaining: z.number().nullish(),
  limit: z.number().nullish(),
  used: z.number().nullish(),
  unit: z.string().nullish(),
  reset_at: z.union([z.string(), z.number()]).nullish(),
  resetAt: z.union([z.string(), z.number()]).nullish(),
  plan: z.string().nullish(),
  raw: z.string().nullish(),
  breakdown: z.array(z.object({ kind: z.string(), label: z.string(), used: z.number(), limit: z.number() }).loose()).nullish(),
  overage: z.object({ enabled: z.boolean(), used: z.number(), cap: z.number().nullish() }).loose().nullish(),
  exhausted: z.boolean().nullish(),
});
export type BalanceDto = z.infer<typeof balanceSchema>;

export const liveStateSchema = z.object({
  rpm_now: z.number().nullish(),
  in_flight: z.number().nullish(),
  cooldown_until: z.union([z.string(), z.number()]).nullish(),
});
export type LiveStateDto = z.infer<typeof liveStateSchema>;

/** Account as `GET /admin/accounts` returns it; secrets appear only as hints. */
export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.string(),
  enabled: z.boolean().nullish(),
  base_url: z.string().nullish(),
  auth_url: z.string().nullish(),
  region: z.string().nullish(),
  auth_method: z.string().nullish(),
  idc_kind: z.string().nullish(),
  auth_region: z.string().nullish(),
  profile_arn: z.string().nullish(),
  requests_per_minute: z.number().nullish(),
  max_concurrency: z.number().nullish(),
  weight: z.number().nullish(),
  priority: z.number().nullish(),
  proxy_url: z.string().nullish(),
  user_agent: z.string().nullish(),
  models: z.array(z.string()).nullish(),
  initial_balance: z.number().nullish(),
  balance_threshold: z.number().nullish(),
  credentials: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])).nullish(),
  status: z.string().nullish(),
  status_reason: z.string().nullish(),
  cooldown_until: z.string().nullish(),
  last_error: z.string().nullish(),
  last_error_at: z.string().nullish(),
  balance: balanceSchema.nullish(),
  balance_checked_at: z.string().nullish(),
  last_used_at: z.string().nullish(),
  total_requests: z.number().nullish(),
  total_tokens: z.number().nullish(),
  total_cost: z.number().nullish(),
  live: liveStateSchema.nullish(),
});
export type AccountDto = z.infer<typeof accountSchema>;

export const accountListSchema = z.object({ data: z.array(accountSchema) });

export const importResultSchema = z.object({
  results: z.array(
    z.object({
      index: z.number(),
      source: z.string().nullish(),
      status: z.string().nullish(),
      ok: z.boolean(),
      id: z.string().nullish(),
      error: z.union([z.string(), z.object({ message: z.string() }).loose()]).nullish(),
    }),
  ),
  created: z.number().nullish(),
  failed: z.number().nullish(),
});
export type ImportResultDto = z.infer<typeof importResultSchema>;

/** Test and balance hooks answer with free-form JSON; keep it as is for display. */
export const anyJsonSchema = z.unknown();
