import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { timeOrderedUuid } from '../../../core/time-ordered-id.js';
import { lazyChildLogger } from '../../../logging/lazy-child-logger.js';
import { requestHeader } from '../../request-headers.js';
import type { AppEnv } from '../../app-env.js';
import { clientFormatOf } from '../../client-format-of.js';
import { nodeResponseOf } from '../../node/node-response-of.js';

/** Gives every request an id (the caller's `x-request-id` when sane, else a time-ordered UUID), a child logger and its client format (see clientFormatOf), and echoes the id on its answer. */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const offered = requestHeader(c, 'x-request-id');
    const requestId = offered && /^[\w.:-]{1,100}$/.test(offered) ? offered : timeOrderedUuid();
    c.set('requestId', requestId);
    c.set('logger', lazyChildLogger(logger, { requestId }));
    c.set('clientFormat', clientFormatOf({ path: c.req.path, header: (name) => requestHeader(c, name), query: (name) => c.req.query(name) }));
    // On a Node server the header goes on the Node response, whose headers every answer is written
    // with, a route's own Response (a relayed upstream answer, a stream) included; Hono's c.header()
    // reaches only the answers Hono builds, and costs a Headers object per request.
    const outgoing = nodeResponseOf(c);
    if (outgoing) outgoing.setHeader('x-request-id', requestId);
    else c.header('x-request-id', requestId);
    await next();
  };
}
