import { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { InternalError } from '../../core/errors/internal-error.js';

/** @hono/node-server reads a Buffer left here instead of the stream (the hook for pre-read bodies). */
type PreRead = IncomingMessage & { rawBody?: unknown };

const reads = new WeakMap<object, Promise<Buffer>>();
/** What a read finds once the bytes were let go (see releaseRequestBytes). */
const released: Promise<Buffer> = Promise.reject(new InternalError('The request body was read again after it was let go.'));
released.catch(() => undefined);
/** Requests whose body may be read straight from the socket (see allowDirectBodyRead). */
const directReads = new WeakSet<Request>();

/**
 * Marks the request as it came from the server, with a declared length that `limitBody` has checked
 * (the parser reads no further), for `readRequestBytes` to read from the socket. A middleware that
 * later replaces `c.req.raw` (as assumeJsonBody does) takes the mark away: that Request reads the
 * socket itself.
 */
export function allowDirectBodyRead(context: Context): void {
  directReads.add(context.req.raw);
}

/**
 * The request body as bytes, read once per request however often it is asked for. A request marked
 * by `allowDirectBodyRead`, under Node, has its chunks taken straight from the socket and left for
 * Hono as `rawBody`, so later `c.req.text()` or `c.req.json()` calls see the same bytes without a
 * second read. Otherwise (tests through `app.request()`, a streamed body counted by `limitBody`'s
 * wrapper, a replaced request, a body Hono has read already) Hono's own read is used.
 */
export function readRequestBytes(context: Context): Promise<Buffer> {
  const { incoming, key } = requestOf(context);
  let read = reads.get(key);
  if (read === undefined) {
    const preRead = (incoming as PreRead | undefined)?.rawBody;
    if (Buffer.isBuffer(preRead)) read = Promise.resolve(preRead);
    else if (incoming instanceof IncomingMessage && directReads.has(context.req.raw) && !incoming.readableDidRead && !incoming.destroyed) {
      read = readIncoming(incoming);
    } else read = context.req.arrayBuffer().then((body) => Buffer.from(body));
    reads.set(key, read);
  }
  return read;
}

/**
 * Lets the body's bytes go once the route is done with them: the answer may stream for minutes, and
 * a coding agent's request is hundreds of kilobytes. The cache above and Hono's `rawBody` drop them;
 * a read after this fails at once rather than waiting on a socket that has nothing more to give.
 */
export function releaseRequestBytes(context: Context): void {
  const { incoming, key } = requestOf(context);
  reads.set(key, released);
  // Not `delete`: that would turn Node's request object into a slower dictionary.
  if (incoming instanceof IncomingMessage) (incoming as PreRead).rawBody = undefined;
}

function requestOf(context: Context): { incoming: unknown; key: object } {
  const incoming = (context.env as { incoming?: unknown } | undefined)?.incoming;
  return { incoming, key: incoming instanceof IncomingMessage ? incoming : context.req.raw };
}

/** Collects the body's chunks; rejects when the client goes (or the server's request timeout cuts it) first. */
function readIncoming(incoming: PreRead): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => chunks.push(chunk);
    const onEnd = () => {
      cleanup();
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      incoming.rawBody = body;
      resolve(body);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      if (incoming.readableEnded) return;
      cleanup();
      reject(new Error('The client closed the connection before the request body arrived.'));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}
