import { z } from '@hono/zod-openapi';

/** OpenAPI descriptions of the stats responses (documentation; handlers build the objects). */

const figures = {
  requests: z.number().int(),
  successes: z.number().int(),
  errors: z.number().int(),
  input_tokens: z.number().int().openapi({ description: 'Uncached input tokens.' }),
  output_tokens: z.number().int(),
  cache_read_tokens: z.number().int(),
  cache_write_tokens: z.number().int(),
  cost: z.number().openapi({ description: 'USD, from the price table at the time of each request.' }),
  credits: z.number().openapi({ description: 'Upstream credits, where the upstream reports them.' }),
};

const periodSchema = z.object({ ...figures, error_rate: z.number(), total_tokens: z.number().int() });

export const overviewSchema = z
  .object({
    today: periodSchema,
    last_7_days: periodSchema,
    last_30_days: periodSchema,
    accounts: z.object({ total: z.number(), active: z.number(), cooling: z.number(), quota_exhausted: z.number(), disabled: z.number() }),
  })
  .openapi('UsageOverview');

export const timelineSchema = z
  .object({
    granularity: z.enum(['hour', 'day']),
    group_by: z.enum(['none', 'model', 'provider', 'key', 'account']),
    data: z.array(
      z.object({
        bucket: z.string().openapi({ description: 'Start of the UTC hour or day.' }),
        group: z.string().nullable(),
        ...figures,
        latency_avg_ms: z.number(),
        latency_max_ms: z.number(),
        latency_p95_ms: z.number(),
      }),
    ),
  })
  .openapi('UsageTimeline');

export const keyUsageSchema = z.object({ data: z.array(z.object({ key_id: z.string(), key_name: z.string().nullable(), key_revoked: z.boolean(), ...figures, latency_avg_ms: z.number() })) }).openapi('KeyUsage');
export const modelUsageSchema = z.object({ data: z.array(z.object({ model: z.string(), ...figures, latency_avg_ms: z.number() })) }).openapi('ModelUsage');
export const accountUsageSchema = z
  .object({ data: z.array(z.object({ account_id: z.string().nullable(), account_name: z.string().nullable(), provider: z.string().nullable(), ...figures, latency_avg_ms: z.number() })) })
  .openapi('AccountUsage');

export const rangeQuerySchema = z.object({
  from: z.string().optional().openapi({ description: 'ISO 8601 start (default: 30 days before `to`).', example: '2026-01-01T00:00:00Z' }),
  to: z.string().optional().openapi({ description: 'ISO 8601 end, exclusive (default: now).' }),
});

export const timelineQuerySchema = z.object({
  granularity: z.enum(['hour', 'day']).default('hour'),
  group_by: z.enum(['none', 'model', 'provider', 'key', 'account']).default('none'),
  from: z.string().optional().openapi({ description: 'ISO 8601 start (default: 24 hours or 30 days before `to`).' }),
  to: z.string().optional().openapi({ description: 'ISO 8601 end, exclusive (default: now).' }),
});
