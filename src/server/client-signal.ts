import { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { Cancellation, type CancelSignal } from '../core/cancel-signal.js';

/**
 * Fires when the client goes away before its answer is complete: its connection closed early, or its
 * request broke off. It stands in for the request's own AbortSignal on the client API routes, with the
 * same reasons the HTTP adapter gives that one: Node 20 takes about 5 µs to make an AbortSignal, and
 * every request would pay for it. Outside a Node server (`app.request` in tests) it is that signal.
 */
export function clientSignalOf(context: Context): CancelSignal {
  const { incoming, outgoing } = (context.env ?? {}) as { incoming?: unknown; outgoing?: unknown };
  if (!(incoming instanceof IncomingMessage) || !(outgoing instanceof ServerResponse)) return context.req.raw.signal;
  const cancellation = new Cancellation();
  const onClose = (): void => {
    if (incoming.errored) cancellation.abort(incoming.errored.toString());
    else if (!outgoing.writableFinished) cancellation.abort('Client connection prematurely closed.');
  };
  // The connection may have closed while the body was read, before anyone listened.
  if (outgoing.destroyed) onClose();
  else outgoing.once('close', onClose);
  return cancellation;
}
