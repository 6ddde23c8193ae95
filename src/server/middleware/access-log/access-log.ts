import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.js';

/**
 * One line per request: method, path, status, duration (to the response headers; a stream's body may
 * continue after it), and the client key's id once authenticated. Never headers or bodies.
 */
export function accessLog(options: { now?: () => number } = {}): MiddlewareHandler<AppEnv> {
  const now = options.now ?? (() => performance.now());
  return async (c, next) => {
    const startedAt = now();
    try {
      await next();
    } finally {
      const status = c.res.status;
      const logger = c.get('logger');
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      // A level that is off costs nothing more (no return here: it would swallow the route's error).
      if (logger.isLevelEnabled(level)) {
        const line = {
          method: c.req.method,
          path: c.req.path,
          status,
          durationMs: Math.round((now() - startedAt) * 10) / 10,
          apiKeyId: c.get('apiKey')?.id,
        };
        logger[level](line, 'request');
      }
    }
  };
}
