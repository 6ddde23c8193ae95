import { z } from '@hono/zod-openapi';
import { apiKeyBudgetsSchema } from '../../auth/api-key-budgets.js';

/** ISO 8601 with offset, or epoch milliseconds, in the future (disable a key to stop it now); null for "never". */
const timestamp = z
  .union([z.iso.datetime({ offset: true }), z.number().int().nonnegative()])
  .refine((value) => (typeof value === 'number' ? value : Date.parse(value)) > Date.now(), {
    message: 'must be in the future (set enabled: false to stop a key now)',
  });

const keyFields = {
  name: z.string().trim().min(1).max(200),
  is_admin: z.boolean(),
  enabled: z.boolean(),
  requests_per_minute: z.number().int().positive().nullable(),
  requests_per_day: z.number().int().positive().nullable(),
  expires_at: timestamp.nullable(),
  allowed_models: z.array(z.string().trim().min(1).max(200)).max(500).nullable(),
  budgets: apiKeyBudgetsSchema.nullable(),
  max_concurrency: z.number().int().positive().max(100_000).nullable(),
  queue_timeout_ms: z.number().int().min(0).max(600_000).nullable(),
};

export const apiKeyCreateSchema = z
  .object({
    name: keyFields.name,
    is_admin: keyFields.is_admin.optional(),
    enabled: keyFields.enabled.optional(),
    requests_per_minute: keyFields.requests_per_minute.optional(),
    requests_per_day: keyFields.requests_per_day.optional(),
    expires_at: keyFields.expires_at.optional(),
    allowed_models: keyFields.allowed_models.optional(),
    budgets: keyFields.budgets.optional(),
    max_concurrency: keyFields.max_concurrency.optional(),
    queue_timeout_ms: keyFields.queue_timeout_ms.optional(),
  })
  .strict()
  .openapi('ApiKeyCreate');

export const apiKeyPatchSchema = z.object(keyFields).partial().strict().openapi('ApiKeyPatch');

export type ApiKeyCreate = z.infer<typeof apiKeyCreateSchema>;
export type ApiKeyPatch = z.infer<typeof apiKeyPatchSchema>;

export const apiKeyDtoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    key_hint: z.string().openapi({ example: 'amq-Ab3d…wXyz' }),
    is_admin: z.boolean(),
    enabled: z.boolean(),
    requests_per_minute: z.number().nullable(),
    requests_per_day: z.number().nullable(),
    expires_at: z.string().nullable(),
    allowed_models: z.array(z.string()).nullable(),
    budgets: apiKeyBudgetsSchema.nullable(),
    max_concurrency: z.number().nullable().openapi({ description: 'Requests in flight at once, across instances; more wait in a first-come queue.' }),
    queue_timeout_ms: z.number().nullable().openapi({ description: "How long a request over max_concurrency waits before a 429; null = the settings' queue_timeout_ms." }),
    created_at: z.string(),
    updated_at: z.string(),
    last_used_at: z.string().nullable(),
    total_requests: z.number(),
    total_tokens: z.number(),
    total_cost: z.number(),
  })
  .openapi('ApiKey');

export const createdApiKeySchema = apiKeyDtoSchema
  .extend({ key: z.string().openapi({ description: 'The plaintext key. Returned this once only; store it now.' }) })
  .openapi('CreatedApiKey');

export type ApiKeyDto = z.infer<typeof apiKeyDtoSchema>;
