import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../store/schema.js';
import { decodePageCursor, encodePageCursor } from '../../store/page-cursor.js';

export interface RequestLogFilter {
  apiKeyId?: string;
  accountId?: string;
  model?: string;
  status?: 'success' | 'error';
  from?: number;
  to?: number;
  limit: number;
  cursor?: string;
}

const columns = [
  'request_logs.id',
  'request_logs.created_at',
  'request_logs.api_key_id',
  'api_keys.name as api_key_name',
  'api_keys.deleted_at as api_key_deleted_at',
  'request_logs.account_id',
  'accounts.name as account_name',
  'request_logs.provider',
  'request_logs.requested_model',
  'request_logs.upstream_model',
  'request_logs.stream',
  'request_logs.client_format',
  'request_logs.input_tokens',
  'request_logs.output_tokens',
  'request_logs.cache_read_tokens',
  'request_logs.cache_write_tokens',
  'request_logs.cache_write_5m_tokens',
  'request_logs.cache_write_1h_tokens',
  'request_logs.credits',
  'request_logs.cost',
  'request_logs.latency_ms',
  'request_logs.ttft_ms',
  'request_logs.status',
  'request_logs.http_status',
  'request_logs.error_type',
  'request_logs.error_message',
  'request_logs.client_ip',
  'request_logs.user_agent',
  'request_logs.attempts',
] as const;

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('request_logs')
    .leftJoin('api_keys', 'api_keys.id', 'request_logs.api_key_id')
    .leftJoin('accounts', 'accounts.id', 'request_logs.account_id')
    .select(columns);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/** The admin API's snake_case row (timestamps as ISO strings). */
export function renderRequestLog(row: Row) {
  const { api_key_deleted_at: deletedAt, attempts, ...rest } = row;
  return {
    ...rest,
    key_revoked: deletedAt !== null && deletedAt !== undefined,
    attempts: parseAttempts(attempts),
    cache_write_5m_tokens: rest.cache_write_5m_tokens === null ? null : Number(rest.cache_write_5m_tokens),
    cache_write_1h_tokens: rest.cache_write_1h_tokens === null ? null : Number(rest.cache_write_1h_tokens),
    created_at: new Date(Number(row.created_at)).toISOString(),
    stream: Boolean(row.stream),
    status: row.status === 'success' ? ('success' as const) : ('error' as const),
    credits: row.credits === null ? null : Number(row.credits),
    cost: Number(row.cost),
  };
}

const attemptsSchema = z.array(
  z.object({ account_id: z.string(), provider: z.string(), outcome: z.enum(['success', 'error']), error_type: z.string().optional(), http_status: z.number().optional() }),
);

/** The stored attempts JSON, leniently: a damaged value reads as none rather than failing the page. */
function parseAttempts(value: string | null): z.infer<typeof attemptsSchema> {
  if (value === null) return [];
  try {
    const parsed = attemptsSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function applyFilter<Q extends SelectQueryBuilder<Database, 'request_logs', Row>>(query: Q, filter: RequestLogFilter): Q {
  let filtered = query;
  if (filter.apiKeyId) filtered = filtered.where('request_logs.api_key_id', '=', filter.apiKeyId) as Q;
  if (filter.accountId) filtered = filtered.where('request_logs.account_id', '=', filter.accountId) as Q;
  if (filter.model) filtered = filtered.where('request_logs.requested_model', '=', filter.model) as Q;
  // A literal, not a parameter: the partial index of failed rows (migration 009) then applies whatever the plan cache holds.
  if (filter.status) filtered = filtered.where('request_logs.status', '=', sql.lit(filter.status)) as Q;
  if (filter.from !== undefined) filtered = filtered.where('request_logs.created_at', '>=', filter.from) as Q;
  if (filter.to !== undefined) filtered = filtered.where('request_logs.created_at', '<', filter.to) as Q;
  return filtered;
}

/** The query for one page: newest first, after the cursor on (created_at desc, id desc), one row more than the page to tell whether another follows. */
export function requestLogPageQuery(db: Kysely<Database>, filter: RequestLogFilter) {
  let query = applyFilter(baseQuery(db) as unknown as SelectQueryBuilder<Database, 'request_logs', Row>, filter);
  if (filter.cursor) {
    const [createdAt, id] = decodePageCursor(filter.cursor);
    query = query.where((expression) =>
      expression.or([
        expression('request_logs.created_at', '<', createdAt),
        expression.and([expression('request_logs.created_at', '=', createdAt), expression('request_logs.id', '<', id)]),
      ]),
    );
  }
  return query.orderBy('request_logs.created_at', 'desc').orderBy('request_logs.id', 'desc').limit(filter.limit + 1);
}

/** Newest first, paginated by an opaque cursor on (created_at desc, id desc). */
export async function listRequestLogs(db: Kysely<Database>, filter: RequestLogFilter) {
  const rows = await requestLogPageQuery(db, filter).execute();
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    data: page.map(renderRequestLog),
    next_cursor: rows.length > filter.limit && last ? encodePageCursor(Number(last.created_at), last.id) : null,
  };
}

export async function findRequestLog(db: Kysely<Database>, id: string) {
  const row = await baseQuery(db).where('request_logs.id', '=', id).executeTakeFirst();
  return row ? renderRequestLog(row) : null;
}
