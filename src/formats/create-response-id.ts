import { randomUUID } from 'node:crypto';

/** A fresh id in the client format's own style, e.g. `chatcmpl-…` or `msg_…`. */
export function createResponseId(prefix: 'chatcmpl-' | 'msg_'): string {
  return prefix + randomUUID().replaceAll('-', '').slice(0, 24);
}
