import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppContext } from '../../context.js';
import type { App } from '../../server/app-env.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** True when the request carries `Authorization: Bearer <token>` (compared in constant time). */
function hasMetricsToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!.trim()), digest(token));
}

async function serveMetrics(c: Context, context: AppContext): Promise<Response> {
  const token = context.config.metrics?.token;
  if (token && !hasMetricsToken(c.req.header('authorization'), token)) {
    return c.json({ error: { message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.', type: 'authentication_error' } }, 401, {
      'www-authenticate': 'Bearer realm="metrics"',
    });
  }
  const body = await context.usage.metrics.render();
  return c.body(body, 200, { 'content-type': context.usage.metrics.contentType });
}

/**
 * GET /metrics in the Prometheus text format: counts, token totals, costs and account states
 * (names included), never keys or credentials. Public by default, for scrapers on a private
 * network; METRICS_TOKEN puts it behind a Bearer token, METRICS_PORT moves it to its own listener
 * (see `createMetricsApp`), and then the main port does not serve it.
 */
export function registerMetricsRoute(app: App, context: AppContext): void {
  if (context.config.metrics?.port !== undefined) return;
  app.get('/metrics', (c) => serveMetrics(c, context));
}

/** The app of the separate metrics listener (METRICS_PORT): /metrics and nothing else. */
export function createMetricsApp(context: AppContext): Hono {
  const app = new Hono();
  app.get('/metrics', (c) => serveMetrics(c, context));
  app.notFound((c) => c.json({ error: { message: 'Only GET /metrics is served here.', type: 'not_found_error' } }, 404));
  return app;
}
