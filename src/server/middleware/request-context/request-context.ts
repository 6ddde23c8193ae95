import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { timeOrderedUuid } from '../../../core/time-ordered-id.js';
import { lazyChildLogger } from '../../../logging/lazy-child-logger.js';
import { requestHeader } from '../../request-headers.js';
import type { AppEnv } from '../../app-env.js';
import { clientFormatOf } from '../../client-format-of.js';

/** Gives every request an id (the caller's `x-request-id` when sane, else a time-ordered UUID), a child logger and its client format (see clientFormatOf). */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const offered = requestHeader(c, 'x-request-id');
    const requestId = offered && /^[\w.:-]{1,100}$/.test(offered) ? offered : timeOrderedUuid();
    c.set('requestId', requestId);
    c.set('logger', lazyChildLogger(logger, { requestId }));
    c.set('clientFormat', clientFormatOf({ path: c.req.path, header: (name) => requestHeader(c, name), query: (name) => c.req.query(name) }));
    c.header('x-request-id', requestId);
    await next();
  };
}
