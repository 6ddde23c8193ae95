import { z } from 'zod';

export const routingStrategies = ['round_robin', 'weighted', 'priority', 'least_inflight'] as const;
export const webhookEventNames = ['account_disabled', 'quota_exhausted', 'balance_low', 'key_budget_reached'] as const;

export const modelPriceSchema = z.object({
  input: z.number(),
  output: z.number(),
  cache_read: z.number().nullish(),
  cache_write: z.number().nullish(),
});
export type ModelPriceDto = z.infer<typeof modelPriceSchema>;

export const webhookSchema = z.object({
  url: z.string(),
  events: z.array(z.string()).nullish(),
  secret: z.string().nullish(),
});
export type WebhookDto = z.infer<typeof webhookSchema>;

/** `GET /admin/settings`: the effective settings. Unknown fields are kept so nothing is lost on display. */
export const settingsSchema = z
  .object({
    model_mappings: z.record(z.string(), z.string()).nullish(),
    routing_strategy: z.string().nullish(),
    prices: z.record(z.string(), modelPriceSchema).nullish(),
    log_retention_days: z.number().nullish(),
    webhooks: z.array(webhookSchema).nullish(),
  })
  .loose();
export type SettingsDto = z.infer<typeof settingsSchema>;
