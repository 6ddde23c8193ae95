import { randomUUID } from 'node:crypto';

/** A fresh id in the client format's own style, e.g. `chatcmpl-…`, `msg_…` or a Responses `resp_…`/`fc_…`. */
export function createResponseId(prefix: 'chatcmpl-' | 'msg_' | 'resp_' | 'rs_' | 'fc_' | 'ctc_'): string {
  return prefix + randomUUID().replaceAll('-', '').slice(0, 24);
}
