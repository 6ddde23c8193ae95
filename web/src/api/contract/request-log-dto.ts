import { z } from 'zod';

const count = z.number().nullish();

export const requestLogSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  api_key_id: z.string().nullish(),
  api_key_name: z.string().nullish(),
  account_id: z.string().nullish(),
  account_name: z.string().nullish(),
  provider: z.string().nullish(),
  requested_model: z.string().nullish(),
  upstream_model: z.string().nullish(),
  stream: z.boolean().nullish(),
  client_format: z.string().nullish(),
  input_tokens: count,
  output_tokens: count,
  cache_read_tokens: count,
  cache_write_tokens: count,
  credits: count,
  cost: count,
  latency_ms: count,
  ttft_ms: count,
  status: z.string().nullish(),
  http_status: count,
  error_type: z.string().nullish(),
  error_message: z.string().nullish(),
  client_ip: z.string().nullish(),
  user_agent: z.string().nullish(),
});
export type RequestLogDto = z.infer<typeof requestLogSchema>;

export const requestLogPageSchema = z.object({
  data: z.array(requestLogSchema),
  next_cursor: z.string().nullish(),
});
