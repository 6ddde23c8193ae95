import { z } from '@hono/zod-openapi';

const limitSchema = z.object({
  limit: z.number().nullable().openapi({ description: 'null: no limit.' }),
  used: z.number(),
  remaining: z.number().nullable(),
  resets_at: z.string().nullable().openapi({ description: 'When the period ends (local midnight or month start in `timezone`); null for totals.' }),
});

/** `GET /v1/me`: the caller's own key and nothing of anyone else's. */
export const meSchema = z
  .object({
    key: z.object({
      id: z.string(),
      name: z.string(),
      key_hint: z.string().nullable(),
      is_admin: z.boolean(),
      expires_at: z.string().nullable(),
      allowed_models: z.array(z.string()).nullable(),
      created_at: z.string().nullable(),
      last_used_at: z.string().nullable(),
    }),
    timezone: z.string().openapi({ description: 'Days begin at local midnight in this IANA zone.' }),
    limits: z.object({
      requests_per_minute: z.number().nullable(),
      requests_per_day: limitSchema.openapi({ description: 'Requests logged today against the daily limit.' }),
    }),
    budgets: z.object({
      daily_tokens: limitSchema,
      monthly_tokens: limitSchema,
      total_tokens: limitSchema,
      daily_cost: limitSchema,
      monthly_cost: limitSchema,
      total_cost: limitSchema,
    }),
    usage: z.array(
      z.object({
        day: z.string().openapi({ description: 'Local midnight of the day, as an ISO instant.' }),
        requests: z.number(),
        errors: z.number(),
        input_tokens: z.number(),
        output_tokens: z.number(),
        cache_read_tokens: z.number(),
        cache_write_tokens: z.number(),
        cost: z.number(),
      }),
    ),
    recent_requests: z.array(
      z.object({
        id: z.string(),
        created_at: z.string(),
        requested_model: z.string(),
        stream: z.boolean(),
        status: z.enum(['success', 'error']),
        http_status: z.number(),
        input_tokens: z.number(),
        output_tokens: z.number(),
        cost: z.number(),
        latency_ms: z.number(),
        error_type: z.string().nullable(),
        error_message: z.string().nullable(),
      }),
    ),
  })
  .openapi('Me');

export type MeDto = z.infer<typeof meSchema>;
