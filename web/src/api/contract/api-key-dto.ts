import { z } from 'zod';

export const budgetsSchema = z.object({
  daily_tokens: z.number().nullish(),
  monthly_tokens: z.number().nullish(),
  total_tokens: z.number().nullish(),
  daily_cost: z.number().nullish(),
  monthly_cost: z.number().nullish(),
  total_cost: z.number().nullish(),
});
export type BudgetsDto = z.infer<typeof budgetsSchema>;

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  key_hint: z.string().nullish(),
  is_admin: z.boolean().nullish(),
  enabled: z.boolean().nullish(),
  requests_per_minute: z.number().nullish(),
  requests_per_day: z.number().nullish(),
  expires_at: z.string().nullish(),
  allowed_models: z.array(z.string()).nullish(),
  budgets: budgetsSchema.nullish(),
  created_at: z.string().nullish(),
  last_used_at: z.string().nullish(),
  total_requests: z.number().nullish(),
  total_tokens: z.number().nullish(),
  total_cost: z.number().nullish(),
});
export type ApiKeyDto = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z.object({ data: z.array(apiKeySchema) });

/** `POST /admin/api-keys` answers with the DTO plus the plaintext key, shown once. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() });
