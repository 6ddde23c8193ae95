import type { MiddlewareHandler } from 'hono';
import type { ApiKeyCache } from '../../../auth/api-key-cache.js';
import { AuthenticationError } from '../../../core/errors/authentication-error.js';
import { PermissionError } from '../../../core/errors/permission-error.js';
import { requestHeader } from '../../request-headers.js';
import type { AppEnv } from '../../app-env.js';
import { readApiKey } from './read-api-key.js';

export interface RequireApiKeyOptions {
  /** Only admin keys pass (403 for others). */
  admin?: boolean;
  /** Paths under the guarded prefix that need no key (the dashboard's static files sign in themselves). */
  isPublic?: (path: string) => boolean;
  /** Also take the key from `?key=` (Gemini clients); never for admin routes. */
  acceptsQueryKey?: boolean;
}

/** 401 for a missing/unknown/disabled/expired key, 403 for a non-admin key on admin routes; sets `apiKey`. */
export function requireApiKey(keys: ApiKeyCache, options: RequireApiKeyOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (options.isPublic?.(c.req.path)) return next();
    const plaintext = readApiKey({
      authorization: requestHeader(c, 'authorization'),
      xApiKey: requestHeader(c, 'x-api-key'),
      xGoogApiKey: requestHeader(c, 'x-goog-api-key'),
      queryKey: options.acceptsQueryKey ? c.req.query('key') : undefined,
    });
    if (!plaintext) throw new AuthenticationError('Missing API key: send "Authorization: Bearer <key>" or "x-api-key: <key>".');
    const key = await keys.authenticate(plaintext);
    c.set('apiKey', key);
    if (options.admin && !key.isAdmin) throw new PermissionError('This API key is not an admin key.');
    await next();
  };
}
