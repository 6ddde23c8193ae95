import type { AppContext } from '../../context.js';
import { pingDatabase } from '../../store/db.js';
import type { App } from '../app-env.js';

export function registerHealthRoutes(app: App, context: AppContext): void {
  app.on(['GET', 'HEAD'], '/', (c) => c.json({ name: 'sluice', version: context.version }));
  app.get('/health', async (c) => {
    const checks: Record<string, 'ok' | string> = {};
    try {
      await pingDatabase(context.database.db);
      checks.database = 'ok';
    } catch (error) {
      checks.database = error instanceof Error ? error.message : 'unreachable';
    }
    if (context.redis) {
      try {
        await context.redis.ping();
        checks.redis = 'ok';
      } catch (error) {
        checks.redis = error instanceof Error ? error.message : 'unreachable';
      }
    }
    const healthy = Object.values(checks).every((value) => value === 'ok');
    return c.json({ status: healthy ? 'ok' : 'degraded', version: context.version, database: context.database.kind, checks }, healthy ? 200 : 503);
  });
}
