import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../store/schema.js';
import { rollupGroupFilter } from './rollup-group-filter.js';

const figure = z.preprocess((value) => value ?? 0, z.coerce.number());
const rowSchema = z.object({ requests: figure, tokens: figure, cost: figure });

/** One key's requests, tokens (every kind) and cost since `since`, from the hourly roll-ups. */
export async function loadKeyPeriodSpend(db: Kysely<Database>, apiKeyId: string, since: number): Promise<z.infer<typeof rowSchema>> {
  const result = await sql<Record<string, unknown>>`
    select sum(requests) as requests, sum(input_tokens + output_tokens + cache_read_tokens + cache_write_tokens) as tokens, sum(cost) as cost
    from usage_rollups
    where granularity = 'hour' and ${rollupGroupFilter('key')} and api_key_id = ${apiKeyId} and bucket_start >= ${since}
  `.execute(db);
  return rowSchema.parse(result.rows[0] ?? {});
}
