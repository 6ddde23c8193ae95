import type { MiddlewareHandler } from 'hono';
import { GatewayError } from '../../../core/errors/gateway-error.js';
import { InvalidRequestError } from '../../../core/errors/invalid-request-error.js';
import type { AppEnv } from '../../app-env.js';
import { exceedsJsonDepth } from './exceeds-json-depth.js';

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Refuses JSON bodies nested deeper than `maxDepth` with a 400, before any parser, validator or
 * converter recurses into them (a few thousand levels overflow the stack). The body text is read
 * here once; Hono caches it, so the route's own read costs nothing more.
 */
export function limitJsonDepth(maxDepth: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!methodsWithBody.has(c.req.method)) return next();
    let text: string;
    try {
      text = await c.req.text();
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      throw new InvalidRequestError('The request body could not be read.');
    }
    if (exceedsJsonDepth(text, maxDepth)) {
      throw new InvalidRequestError(`The request body nests JSON deeper than ${maxDepth} levels.`);
    }
    return next();
  };
}
