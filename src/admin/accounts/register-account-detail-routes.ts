import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../core/errors/not-found-error.js';
import type { App } from '../../server/app-env.js';
import { listAccountEvents, type AccountEventRow } from '../../store/repositories/account-event-repository.js';
import { listRequestLogs } from '../../usage/stats/list-request-logs.js';
import { loadUsageTimeline } from '../../usage/stats/load-usage-timeline.js';
import { adminErrorResponses, adminSecurity, idParamSchema, jsonBody, jsonResponse } from '../admin-route-parts.js';

const tags = ['Accounts'];
const { 400: badRequest, 401: unauthorized, 403: forbidden, 404: notFound } = adminErrorResponses;
const dayMs = 86_400_000;

const eventSchema = z.object({
  at: z.string(),
  kind: z.enum(['status', 'error', 'balance']),
  status: z.string().nullable(),
  message: z.string().nullable(),
  balance_remaining: z.number().nullable(),
});

const historySchema = z
  .object({
    account_id: z.string(),
    timezone: z.string().openapi({ description: 'Days in `usage` begin at local midnight in this zone.' }),
    status_changes: z.array(eventSchema).openapi({ description: 'Newest first, within the log-retention window.' }),
    errors: z.array(eventSchema).openapi({ description: 'Recorded errors, at most one per 30 s, newest first.' }),
    balance: z.array(eventSchema).openapi({ description: 'Balance readings, oldest first (for a chart).' }),
    failed_requests: z.array(z.object({ id: z.string(), created_at: z.string(), requested_model: z.string(), http_status: z.number(), error_type: z.string().nullable(), error_message: z.string().nullable() })),
    usage: z.array(z.object({ day: z.string(), requests: z.number(), errors: z.number(), input_tokens: z.number(), output_tokens: z.number(), cost: z.number() })),
  })
  .openapi('AccountHistory');

const historyRoute = createRoute({
  method: 'get',
  path: '/admin/accounts/{id}/history',
  tags,
  security: adminSecurity,
  summary: 'Health history, recent errors, balance over time and daily usage of one account',
  request: { params: idParamSchema, query: z.object({ days: z.coerce.number().int().min(1).max(90).default(30) }) },
  responses: { 200: jsonResponse(historySchema, 'The account history'), 400: badRequest, 401: unauthorized, 403: forbidden, 404: notFound },
});

const bulkRoute = createRoute({
  method: 'post',
  path: '/admin/accounts/bulk',
  tags,
  security: adminSecurity,
  summary: 'Enable, disable or delete several accounts at once',
  request: {
    body: jsonBody(z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(500), action: z.enum(['enable', 'disable', 'delete']) }).strict()),
  },
  responses: {
    200: jsonResponse(z.object({ results: z.array(z.object({ id: z.string(), ok: z.boolean(), error: z.string().nullable() })) }), 'One result per id, in order'),
    400: badRequest,
    401: unauthorized,
    403: forbidden,
  },
});

const renderEvent = (row: AccountEventRow) => ({
  at: new Date(Number(row.created_at)).toISOString(),
  kind: row.kind as 'status' | 'error' | 'balance',
  status: row.status,
  message: row.message,
  balance_remaining: row.balance_remaining === null ? null : Number(row.balance_remaining),
});

export function registerAccountDetailRoutes(app: App, context: AppContext): void {
  const db = context.database.db;

  app.openapi(historyRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { days } = c.req.valid('query');
    if (!context.accounts.get(id)) throw new NotFoundError(`No account with id ${id}.`);
    const now = Date.now();
    const since = now - days * dayMs;
    const timeZone = context.settings.get().timezone;
    await context.usage.refreshForRead();
    const [statusChanges, errors, balance, failed, timeline] = await Promise.all([
      listAccountEvents(db, id, ['status'], since, 200),
      listAccountEvents(db, id, ['error'], since, 50),
      listAccountEvents(db, id, ['balance'], since, 500),
      listRequestLogs(db, { accountId: id, status: 'error', limit: 20 }),
      loadUsageTimeline(db, { granularity: 'day', groupBy: 'account', from: since, to: now, timeZone }),
    ]);
    return c.json(
      {
        account_id: id,
        timezone: timeZone,
        status_changes: statusChanges.map(renderEvent),
        errors: errors.map(renderEvent),
        balance: balance.map(renderEvent).reverse(),
        failed_requests: failed.data.map((row) => ({
          id: row.id,
          created_at: row.created_at,
          requested_model: row.requested_model,
          http_status: Number(row.http_status),
          error_type: row.error_type,
          error_message: row.error_message,
        })),
        usage: timeline.data
          .filter((point) => point.group === id)
          .map((point) => ({ day: point.bucket, requests: point.requests, errors: point.errors, input_tokens: point.input_tokens, output_tokens: point.output_tokens, cost: point.cost })),
      },
      200,
    );
  });

  app.openapi(bulkRoute, async (c) => {
    const { ids, action } = c.req.valid('json');
    const results = [];
    for (const id of ids) {
      try {
        if (action === 'delete') await context.accountAdmin.remove(id);
        else await context.accountAdmin.update(id, { enabled: action === 'enable' });
        results.push({ id, ok: true, error: null });
      } catch (error) {
        results.push({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
    c.get('logger').info({ action, count: ids.length }, 'accounts changed in bulk');
    return c.json({ results }, 200);
  });
}
