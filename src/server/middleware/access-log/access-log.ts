import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../../logging/logger.js';
import type { AppEnv } from '../../app-env.js';

export interface AccessLogOptions {
  /**
   * Where the lines go: every field of a line is the gateway's own (no header, body, query or error), so
   * this may be a logger without redaction (see withoutRedaction).
   */
  logger: Logger;
  now?: () => number;
}

/**
 * One line per request: request id, method, path (without its query, where Gemini clients may put
 * their key), status, duration (to the response headers; a stream's body may continue after it), and
 * the client key's id once authenticated. Never headers or bodies.
 */
export function accessLog(options: AccessLogOptions): MiddlewareHandler<AppEnv> {
  const { logger } = options;
  const now = options.now ?? (() => performance.now());
  return async (c, next) => {
    const startedAt = now();
    try {
      await next();
    } finally {
      const status = c.res.status;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      // A level that is off costs nothing more (no return here: it would swallow the route's error).
      if (logger.isLevelEnabled(level)) {
        const line = {
          requestId: c.get('requestId'),
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
