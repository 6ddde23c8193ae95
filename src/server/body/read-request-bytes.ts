import { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { requestHeader } from '../request-headers.js';

/** @hono/node-server reads a Buffer left here instead of the stream (the hook for pre-read bodies). */
type PreRead = IncomingMessage & { rawBody?: unknown };

const reads = new WeakMap<object, Promise<Buffer>>();

/**
 * The request body as bytes, read once per request however often it is asked for. Under Node with a
 * declared length (the usual case; `limitBody` has checked it and the parser reads no further) the
 * chunks are taken straight from the socket and left for Hono as `rawBody`, so later `c.req.text()`
 * or `c.req.json()` calls see the same bytes without a second read. Without a Node request (tests
 * through `app.request()`), with a streamed body (counted by `limitBody`'s wrapper), or once Hono has
 * read it, Hono's own read is used.
 */
export function readRequestBytes(context: Context): Promise<Buffer> {
  const incoming = (context.env as { incoming?: unknown } | undefined)?.incoming;
  const direct =
    incoming instanceof IncomingMessage &&
    !incoming.readableDidRead &&
    !incoming.destroyed &&
    requestHeader(context, 'content-length') !== undefined &&
    requestHeader(context, 'transfer-encoding') === undefined;
  const key = incoming instanceof IncomingMessage ? incoming : context.req.raw;
  let read = reads.get(key);
  if (read === undefined) {
    const preRead = (incoming as PreRead | undefined)?.rawBody;
    if (Buffer.isBuffer(preRead)) read = Promise.resolve(preRead);
    else if (direct) read = readIncoming(incoming as PreRead);
    else read = context.req.arrayBuffer().then((body) => Buffer.from(body));
    reads.set(key, read);
  }
  return read;
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
