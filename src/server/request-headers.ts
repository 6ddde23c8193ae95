import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * The headers Node parsed for this request, when it came through the Node server: lower-case names,
 * repeated values joined (a repeated `authorization` or `content-length` keeps its first, as Node
 * does). Undefined for requests made without a socket (`app.request()` in tests).
 */
const nodeHeadersOf = (c: Context): IncomingHttpHeaders | undefined => (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.headers;

const joined = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);

/**
 * One request header by its lower-case name. Read from Node's own parse where there is one, so the
 * client API's hot path never builds a web `Headers` object for a request: the adapter makes one
 * from scratch on first use. Only for headers no middleware rewrites (admin routes' content type is).
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const headers = nodeHeadersOf(c);
  return headers ? joined(headers[name]) : c.req.header(name);
}

/** Every request header, names lower-cased, as a plain record (for forwarding decisions). */
export function requestHeaders(c: Context): Record<string, string> {
  const result: Record<string, string> = {};
  const headers = nodeHeadersOf(c);
  if (headers) {
    for (const name in headers) {
      const value = joined(headers[name]);
      if (value !== undefined) result[name] = value;
    }
    return result;
  }
  c.req.raw.headers.forEach((value, key) => {
    result[key.toLowerCase()] = value;
  });
  return result;
}
