import type { MiddlewareHandler } from 'hono';
import { GatewayError } from '../../../core/errors/gateway-error.js';
import { InvalidRequestError } from '../../../core/errors/invalid-request-error.js';
import type { AppEnv } from '../../app-env.js';
import { readRequestBytes } from '../../body/read-request-bytes.js';
import { exceedsJsonDepth } from './exceeds-json-depth.js';

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Refuses JSON bodies nested deeper than `maxDepth` with a 400, before any parser, validator or
 * converter recurses into them (a few thousand levels overflow the stack). The body's bytes are read
 * here once and checked as bytes; the route's own read gets the same bytes.
 */
export function limitJsonDepth(maxDepth: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!methodsWithBody.has(c.req.method)) return next();
    let bytes: Uint8Array;
    try {
      bytes = await readRequestBytes(c);
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      throw new InvalidRequestError('The request body could not be read.');
    }
    if (exceedsJsonDepth(bytes, maxDepth)) {
      throw new InvalidRequestError(`The request body nests JSON deeper than ${maxDepth} levels.`);
    }
    return next();
  };
}
