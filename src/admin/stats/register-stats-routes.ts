import type { AppContext } from '../../context.js';
import type { App } from '../../server/app-env.js';
import { registerRequestRoutes } from '../requests/register-request-routes.js';
import { registerMetricsRoute } from './register-metrics-route.js';
import { registerUsageStatsRoutes } from './register-usage-stats-routes.js';

/** Usage statistics, the request log and Prometheus metrics: every route of the usage accounting. */
export function registerStatsRoutes(app: App, context: AppContext): void {
  registerUsageStatsRoutes(app, context);
  registerRequestRoutes(app, context);
  registerMetricsRoute(app, context);
}
