import { ServerResponse } from 'node:http';
import type { Context } from 'hono';

/**
 * The Node response under a request, where the app runs on a Node HTTP/1 server; undefined elsewhere
 * (`app.request()` in tests, HTTP/2).
 */
export function nodeResponseOf(context: Context): ServerResponse | undefined {
  const outgoing = (context.env as { outgoing?: unknown } | undefined)?.outgoing;
  return outgoing instanceof ServerResponse ? outgoing : undefined;
}
