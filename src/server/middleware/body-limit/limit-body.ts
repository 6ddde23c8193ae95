import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PayloadTooLargeError } from '../../../core/errors/payload-too-large-error.js';
import type { AppEnv } from '../../app-env.js';

/** Rejects bodies over `maxBytes` with a 413 in the caller's format (declared or streamed). */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new PayloadTooLargeError(maxBytes);
    },
  });
}
