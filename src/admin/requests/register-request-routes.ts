import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../core/errors/not-found-error.js';
import type { App } from '../../server/app-env.js';
import { findRequestLog, listRequestLogs } from '../../usage/stats/list-request-logs.js';
import { adminErrorResponses, adminSecurity, idParamSchema, jsonResponse } from '../admin-route-parts.js';
import { parseQueryTime } from '../stats/parse-time-range.js';

const tags = ['Request log'];
const { 400: badRequest, 401: unauthorized, 403: forbidden, 404: notFound } = adminErrorResponses;

const requestLogSchema = z
  .object({
    id: z.string(),
    created_at: z.string(),
    api_key_id: z.string(),
    api_key_name: z.string().nullable(),
    key_revoked: z.boolean().openapi({ description: 'The key was deleted since; its name is kept.' }),
    account_id: z.string().nullable(),
    account_name: z.string().nullable(),
    provider: z.string().nullable(),
    requested_model: z.string(),
    upstream_model: z.string().nullable(),
    stream: z.boolean(),
    client_format: z.string(),
    input_tokens: z.number().int(),
    output_tokens: z.number().int(),
    cache_read_tokens: z.number().int(),
    cache_write_tokens: z.number().int(),
    cache_write_5m_tokens: z.number().int().nullable().openapi({ description: 'Cache writes with a 5-minute TTL, when the upstream says.' }),
    cache_write_1h_tokens: z.number().int().nullable().openapi({ description: 'Cache writes with a 1-hour TTL, when the upstream says.' }),
    credits: z.number().nullable(),
    cost: z.number(),
    latency_ms: z.number().int(),
    ttft_ms: z.number().int().nullable(),
    status: z.enum(['success', 'error']),
    http_status: z.number().int(),
    error_type: z.string().nullable(),
    error_message: z.string().nullable(),
    client_ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    attempts: z
      .array(z.object({ account_id: z.string(), provider: z.string(), outcome: z.enum(['success', 'error']), error_type: z.string().optional(), http_status: z.number().optional() }))
      .openapi({ description: 'Every upstream attempt in order, failovers included; account_id above is the last one.' }),
  })
  .openapi('RequestLog');

const listQuerySchema = z.object({
  api_key_id: z.string().max(100).optional(),
  account_id: z.string().max(100).optional(),
  model: z.string().max(200).optional(),
  status: z.enum(['success', 'error']).optional(),
  from: z.string().optional().openapi({ description: 'ISO 8601, inclusive.' }),
  to: z.string().optional().openapi({ description: 'ISO 8601, exclusive.' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().openapi({ description: '`next_cursor` of the previous page.' }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/admin/requests',
  tags,
  security: adminSecurity,
  summary: 'Request log, newest first, with cursor pagination',
  request: { query: listQuerySchema },
  responses: {
    200: jsonResponse(z.object({ data: z.array(requestLogSchema), next_cursor: z.string().nullable() }), 'A page of requests'),
    400: badRequest,
    401: unauthorized,
    403: forbidden,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/admin/requests/{id}',
  tags,
  security: adminSecurity,
  summary: 'One request by its request id',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(requestLogSchema, 'The request'), 401: unauthorized, 403: forbidden, 404: notFound },
});

/** Raw request rows (kept for settings.log_retention_days); queued rows are written before each read. */
export function registerRequestRoutes(app: App, context: AppContext): void {
  const db = context.database.db;
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    await context.usage.flush();
    const page = await listRequestLogs(db, {
      apiKeyId: query.api_key_id,
      accountId: query.account_id,
      model: query.model,
      status: query.status,
      from: parseQueryTime(query.from, 'from'),
      to: parseQueryTime(query.to, 'to'),
      limit: query.limit,
      cursor: query.cursor,
    });
    return c.json(page, 200);
  });
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    await context.usage.flush();
    const row = await findRequestLog(db, id);
    if (!row) throw new NotFoundError(`No request ${id} in the log (it may be older than the retention period).`);
    return c.json(row, 200);
  });
}
