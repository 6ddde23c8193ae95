import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.js';

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The admin API only takes JSON, so a body sent without `content-type: application/json` (as
 * `curl -d '{…}'` does, with form encoding) is read as JSON anyway instead of being refused.
 * File uploads (`multipart/form-data`, the account import) keep their type.
 */
export function assumeJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (methodsWithBody.has(c.req.method) && !/^application\/(.+\+)?json\b/i.test(type) && !/^multipart\/form-data\b/i.test(type)) {
      const headers = new Headers(c.req.raw.headers);
      headers.set('content-type', 'application/json');
      c.req.raw = new Request(c.req.raw, { headers, duplex: 'half' } as RequestInit);
    }
    await next();
  };
}
