import { createRoute, z } from '@hono/zod-openapi';
import { parseStoredBudgets } from '../../auth/api-key-budgets.js';
import type { AppContext } from '../../context.js';
import { dayStartIn, monthStartIn, nextDayStartIn, nextMonthStartIn } from '../../core/day-boundary.js';
import { AuthenticationError } from '../../core/errors/authentication-error.js';
import { findApiKeyById } from '../../store/repositories/api-key-repository.js';
import { listRequestLogs } from '../../usage/stats/list-request-logs.js';
import { loadKeyPeriodSpend } from '../../usage/stats/load-key-period-spend.js';
import { loadUsageTimeline } from '../../usage/stats/load-usage-timeline.js';
import { adminErrorSchema, adminSecurity } from '../../admin/admin-route-parts.js';
import type { App } from '../app-env.js';
import { meSchema, type MeDto } from './me-schema.js';

const dayMs = 86_400_000;
const iso = (time: number | null | undefined) => (time === null || time === undefined ? null : new Date(Number(time)).toISOString());

const meRoute = createRoute({
  method: 'get',
  path: '/v1/me',
  tags: ['Key holders'],
  security: adminSecurity,
  summary: "The caller's own key: limits and budgets with what is left, daily usage, recent requests",
  description: 'Any valid key may call it. It shows only the calling key; it does not count against the rate limits.',
  request: { query: z.object({ days: z.coerce.number().int().min(1).max(90).default(14) }) },
  responses: {
    200: { description: 'The caller', content: { 'application/json': { schema: meSchema } } },
    401: { description: 'Missing, unknown, disabled or expired API key.', content: { 'application/json': { schema: adminErrorSchema } } },
  },
});

function limitOf(limit: number | null | undefined, used: number, resetsAt: number | null): MeDto['limits']['requests_per_day'] {
  const value = limit ?? null;
  return { limit: value, used, remaining: value === null ? null : Math.max(0, value - used), resets_at: iso(resetsAt) };
}

/** `GET /v1/me` for key holders (the dashboard's page for non-admin keys). */
export function registerMeRoute(app: App, context: AppContext): void {
  app.openapi(meRoute, async (c) => {
    const caller = c.get('apiKey');
    if (!caller) throw new AuthenticationError('Missing API key.');
    const db = context.database.db;
    const row = await findApiKeyById(db, caller.id);
    if (!row) throw new AuthenticationError('This API key no longer exists.');
    const { days } = c.req.valid('query');
    const timeZone = context.settings.get().timezone;
    const now = Date.now();
    const dayStart = dayStartIn(timeZone, now);
    const monthStart = monthStartIn(timeZone, now);
    const dayEnd = nextDayStartIn(timeZone, now);
    const monthEnd = nextMonthStartIn(timeZone, now);
    await context.usage.refreshForRead();
    const [today, month, timeline, recent] = await Promise.all([
      loadKeyPeriodSpend(db, caller.id, dayStart),
      loadKeyPeriodSpend(db, caller.id, monthStart),
      loadUsageTimeline(db, { granularity: 'day', groupBy: 'key', from: now - days * dayMs, to: now, timeZone }),
      listRequestLogs(db, { apiKeyId: caller.id, limit: 20 }),
    ]);
    const budgets = parseStoredBudgets(row.budgets) ?? {};
    const totalTokens = Number(row.total_tokens);
    const totalCost = Number(row.total_cost);
    const body: MeDto = {
      key: {
        id: row.id,
        name: row.name,
        key_hint: row.key_hint,
        is_admin: row.is_admin === 1,
        expires_at: iso(row.expires_at),
        allowed_models: caller.allowedModels,
        created_at: iso(row.created_at),
        last_used_at: iso(row.last_used_at),
      },
      timezone: timeZone,
      limits: {
        requests_per_minute: row.requests_per_minute,
        requests_per_day: limitOf(row.requests_per_day, today.requests, dayEnd),
      },
      budgets: {
        daily_tokens: limitOf(budgets.daily_tokens, today.tokens, dayEnd),
        monthly_tokens: limitOf(budgets.monthly_tokens, month.tokens, monthEnd),
        total_tokens: limitOf(budgets.total_tokens, totalTokens, null),
        daily_cost: limitOf(budgets.daily_cost, today.cost, dayEnd),
        monthly_cost: limitOf(budgets.monthly_cost, month.cost, monthEnd),
        total_cost: limitOf(budgets.total_cost, totalCost, null),
      },
      usage: timeline.data
        .filter((point) => point.group === caller.id)
        .map((point) => ({
          day: point.bucket,
          requests: point.requests,
          errors: point.errors,
          input_tokens: point.input_tokens,
          output_tokens: point.output_tokens,
          cache_read_tokens: point.cache_read_tokens,
          cache_write_tokens: point.cache_write_tokens,
          cost: point.cost,
        })),
      recent_requests: recent.data.map((request) => ({
        id: request.id,
        created_at: request.created_at,
        requested_model: request.requested_model,
        stream: request.stream,
        status: request.status,
        http_status: Number(request.http_status),
        input_tokens: Number(request.input_tokens),
        output_tokens: Number(request.output_tokens),
        cost: request.cost,
        latency_ms: Number(request.latency_ms),
        error_type: request.error_type,
        error_message: request.error_message,
      })),
    };
    return c.json(body, 200);
  });
}
