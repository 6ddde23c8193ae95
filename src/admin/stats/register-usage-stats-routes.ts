import { createRoute } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import type { App } from '../../server/app-env.js';
import { loadUsageBreakdown } from '../../usage/stats/load-usage-breakdown.js';
import { loadUsageOverview } from '../../usage/stats/load-usage-overview.js';
import { loadUsageTimeline } from '../../usage/stats/load-usage-timeline.js';
import { adminErrorResponses, adminSecurity, jsonResponse } from '../admin-route-parts.js';
import { parseTimeRange } from './parse-time-range.js';
import { accountUsageSchema, keyUsageSchema, modelUsageSchema, overviewSchema, rangeQuerySchema, timelineQuerySchema, timelineSchema } from './stats-schemas.js';

const tags = ['Statistics'];
const { 400: badRequest, 401: unauthorized, 403: forbidden } = adminErrorResponses;
const dayMs = 86_400_000;

const overviewRoute = createRoute({
  method: 'get',
  path: '/admin/stats/overview',
  tags,
  security: adminSecurity,
  summary: 'Totals for today, the last 7 and 30 days, and account health counts',
  responses: { 200: jsonResponse(overviewSchema, 'Overview'), 401: unauthorized, 403: forbidden },
});

const timelineRoute = createRoute({
  method: 'get',
  path: '/admin/stats/timeline',
  tags,
  security: adminSecurity,
  summary: 'Usage per hour or day, optionally per model, provider, key or account',
  request: { query: timelineQuerySchema },
  responses: { 200: jsonResponse(timelineSchema, 'Timeline'), 400: badRequest, 401: unauthorized, 403: forbidden },
});

const breakdownRoute = <Path extends string, Schema extends typeof keyUsageSchema | typeof modelUsageSchema | typeof accountUsageSchema>(path: Path, schema: Schema, summary: string) =>
  createRoute({
    method: 'get',
    path,
    tags,
    security: adminSecurity,
    summary,
    request: { query: rangeQuerySchema },
    responses: { 200: jsonResponse(schema, summary), 400: badRequest, 401: unauthorized, 403: forbidden },
  });

const keysRoute = breakdownRoute('/admin/stats/keys', keyUsageSchema, 'Usage per API key, busiest first');
const modelsRoute = breakdownRoute('/admin/stats/models', modelUsageSchema, 'Usage per requested model, busiest first');
const accountsRoute = breakdownRoute('/admin/stats/accounts', accountUsageSchema, 'Usage per upstream account, busiest first');

/**
 * Statistics read the hourly/daily roll-ups. Before each read the usage service writes queued rows and
 * rolls up the open buckets (at most once a second), so answers include requests finished a moment ago.
 */
export function registerUsageStatsRoutes(app: App, context: AppContext): void {
  const db = context.database.db;
  const usage = context.usage;

  app.openapi(overviewRoute, async (c) => {
    await usage.refreshForRead();
    return c.json(await loadUsageOverview(db, Date.now(), context.accounts ? context.accounts.list() : null, context.settings.get().timezone), 200);
  });

  app.openapi(timelineRoute, async (c) => {
    const query = c.req.valid('query');
    const range = parseTimeRange(query, Date.now(), query.granularity === 'day' ? 30 * dayMs : dayMs);
    await usage.refreshForRead();
    return c.json(await loadUsageTimeline(db, { granularity: query.granularity, groupBy: query.group_by, ...range, timeZone: context.settings.get().timezone }), 200);
  });

  for (const [route, kind] of [
    [keysRoute, 'keys'],
    [modelsRoute, 'models'],
    [accountsRoute, 'accounts'],
  ] as const) {
    app.openapi(route, async (c) => {
      const range = parseTimeRange(c.req.valid('query'), Date.now(), 30 * dayMs);
      await usage.refreshForRead();
      return c.json({ data: await loadUsageBreakdown(db, kind, range.from, range.to) }, 200);
    });
  }
}
