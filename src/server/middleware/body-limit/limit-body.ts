import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PayloadTooLargeError } from '../../../core/errors/payload-too-large-error.js';
import { allowDirectBodyRead } from '../../body/read-request-bytes.js';
import { requestHeader } from '../../request-headers.js';
import type { AppEnv } from '../../app-env.js';

/**
 * Rejects bodies over `maxBytes` with a 413 in the caller's format (declared or streamed).
 * A declared content-length (the usual case) is checked from the header alone: the HTTP parser
 * never reads past it, so the body may then be read straight from the socket (allowDirectBodyRead)
 * instead of through web streams. Bodies without one are counted as they stream.
 */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  const streamed = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new PayloadTooLargeError(maxBytes);
    },
  });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = requestHeader(c, 'content-length');
    if (declared !== undefined && requestHeader(c, 'transfer-encoding') === undefined) {
      if (Number.parseInt(declared, 10) > maxBytes) throw new PayloadTooLargeError(maxBytes);
      allowDirectBodyRead(c);
      return next();
    }
    return streamed(c, next);
  };
}
