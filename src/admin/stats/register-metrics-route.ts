import type { AppContext } from '../../context.js';
import type { App } from '../../server/app-env.js';

/**
 * GET /metrics in the Prometheus text format. Deliberately without authentication, as scrapers
 * expect: it exposes counts, token totals, costs and account states, never keys or credentials.
 * Put it behind the network boundary (or a reverse proxy rule) when that matters.
 */
export function registerMetricsRoute(app: App, context: AppContext): void {
  app.get('/metrics', async (c) => {
    const body = await context.usage.metrics.render();
    return c.body(body, 200, { 'content-type': context.usage.metrics.contentType });
  });
}
