import { z } from 'zod';

const count = z.number().nullish();

export const periodTotalsSchema = z.object({
  requests: count,
  successes: count,
  errors: count,
  error_rate: count,
  input_tokens: count,
  output_tokens: count,
  cache_read_tokens: count,
  cache_write_tokens: count,
  total_tokens: count,
  cost: count,
  credits: count,
});
export type PeriodTotals = z.infer<typeof periodTotalsSchema>;

export const overviewSchema = z.object({
  today: periodTotalsSchema,
  last_7_days: periodTotalsSchema,
  last_30_days: periodTotalsSchema,
  accounts: z
    .object({ total: count, active: count, cooling: count, quota_exhausted: count, disabled: count })
    .nullish(),
});
export type OverviewDto = z.infer<typeof overviewSchema>;

export const timelinePointSchema = z.object({
  bucket: z.string(),
  group: z.string().nullish(),
  requests: count,
  successes: count,
  errors: count,
  input_tokens: count,
  output_tokens: count,
  cache_read_tokens: count,
  cache_write_tokens: count,
  cost: count,
  credits: count,
});
export type TimelinePoint = z.infer<typeof timelinePointSchema>;

export const timelineSchema = z.object({
  granularity: z.string().nullish(),
  group_by: z.string().nullish(),
  data: z.array(timelinePointSchema),
});

export const topRowSchema = z.object({
  key_id: z.string().nullish(),
  key_name: z.string().nullish(),
  model: z.string().nullish(),
  account_id: z.string().nullish(),
  account_name: z.string().nullish(),
  provider: z.string().nullish(),
  requests: count,
  successes: count,
  errors: count,
  input_tokens: count,
  output_tokens: count,
  cache_read_tokens: count,
  cache_write_tokens: count,
  cost: count,
  latency_avg_ms: count,
});
export type TopRow = z.infer<typeof topRowSchema>;

export const topListSchema = z.object({ data: z.array(topRowSchema) });
