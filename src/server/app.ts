import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../context.js';
import { InvalidRequestError } from '../core/errors/invalid-request-error.js';
import { NotFoundError } from '../core/errors/not-found-error.js';
import type { App, AppEnv } from './app-env.js';
import { clientFormatForPath, renderErrorResponse, toGatewayError } from './render-error-response.js';
import { registerDashboardRoutes } from './routes/dashboard.js';
import { registerHealthRoutes } from './routes/health.js';

/** Builds the Hono app: middleware order, every route module, and the one error renderer. */
export function createApp(context: AppContext): App {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue?.path.join('.') || undefined;
        throw new InvalidRequestError(field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid request.'), { field });
      }
    },
  });

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 100) || randomUUID();
    c.set('requestId', requestId);
    c.set('logger', context.logger.child({ requestId }));
    c.set('clientFormat', clientFormatForPath(c.req.path));
    c.header('x-request-id', requestId);
    await next();
  });

  registerDashboardRoutes(app); // the admin UI: no auth, so before any /admin/* middleware
  registerHealthRoutes(app, context);

  app.notFound((c) => renderErrorResponse(c, new NotFoundError(`No route for ${c.req.method} ${c.req.path}.`), c.get('clientFormat') ?? 'admin'));
  app.onError((error, c) => {
    const gatewayError = toGatewayError(error);
    if (gatewayError.status >= 500) c.get('logger')?.error({ err: error }, 'request failed');
    return renderErrorResponse(c, gatewayError, c.get('clientFormat') ?? clientFormatForPath(c.req.path));
  });
  return app;
}
