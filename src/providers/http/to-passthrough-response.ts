import type { PassthroughResponse } from '../provider-adapter.js';
import type { UpstreamResponse } from './send-upstream-request.js';

/** Hop-by-hop and framing headers that must not be copied to the client response. */
const droppedHeaders = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
  'set-cookie',
]);

/** A 2xx upstream response as the pipeline forwards it: body streamed, never buffered. */
export function toPassthroughResponse(response: UpstreamResponse): PassthroughResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined || droppedHeaders.has(name.toLowerCase())) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: response.status, headers, body: response.body };
}
