import { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { chunkSourceOf, type ChunkSource } from '../gateway/chunk-source.js';

/** The app's fetch as @hono/node-server calls it, with `{ incoming, outgoing }` as the bindings. */
type Fetch = (request: Request, bindings: unknown) => Response | Promise<Response>;

const notYet = Symbol('not yet');

/** Settles on the next turn of the event loop, after every microtask already queued. */
const nextTurn = (): Promise<typeof notYet> => new Promise((resolve) => setImmediate(resolve, notYet));

/** Resolves when the socket takes more bytes again, or is gone. */
const writable = (outgoing: ServerResponse): Promise<void> =>
  new Promise((resolve) => {
    const settle = () => {
      outgoing.off('drain', settle);
      outgoing.off('close', settle);
      resolve();
    };
    outgoing.on('drain', settle);
    outgoing.on('close', settle);
  });

/**
 * Writes a streamed answer (see chunk-source.ts) to the Node response: status and headers as the
 * Response carries them, then each pulled chunk, waiting for `drain` when the socket is full. A
 * client that leaves cancels the source; a source that fails cuts the connection, as an errored
 * web stream does.
 */
export async function writeChunkSource(source: ChunkSource, response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(response.status, headers);
  let ended = false;
  // Chunks written in one turn of the event loop go out in one write, and so does the end of the
  // body when it follows the last chunk at once (it usually does: the upstream's end comes in the same
  // read, and is seen a few ticks later): one system call, not two. The turn ends before timers run
  // again, so nothing waits for more than what is already being handled.
  let corked = false;
  const corkForThisTurn = (): void => {
    if (corked) return;
    corked = true;
    outgoing.cork();
    setImmediate(() => {
      corked = false;
      outgoing.uncork();
    });
  };
  outgoing.once('close', () => {
    if (!ended) void source.cancel().catch(() => undefined);
  });
  try {
    let next = source.pull();
    // Headers go out with the first chunk, in one write, unless that chunk keeps the client waiting.
    if ((await Promise.race([next, nextTurn()])) === notYet) outgoing.flushHeaders();
    for (;;) {
      const { chunks, done } = await next;
      if (outgoing.destroyed) return;
      if (done) {
        ended = true;
        if (chunks.length > 1) outgoing.cork();
        for (const chunk of chunks) outgoing.write(chunk);
        outgoing.end();
        return;
      }
      let room = true;
      corkForThisTurn();
      for (const chunk of chunks) room = outgoing.write(chunk);
      if (!room) await writable(outgoing);
      if (outgoing.destroyed) return;
      next = source.pull();
    }
  } catch (error) {
    ended = true;
    outgoing.destroy(error instanceof Error ? error : undefined);
  }
}

/**
 * Wraps the app's fetch for @hono/node-server: answers whose body is a chunk source are written
 * straight to the socket instead of through a web stream; every other answer goes the usual way.
 * Without an HTTP/1 response at hand (tests through `app.request()`, HTTP/2) nothing changes.
 */
export function writeChunkSourcesDirectly(fetch: Fetch): Fetch {
  return async (request, bindings) => {
    const response = await fetch(request, bindings);
    const source = chunkSourceOf(response);
    const outgoing = (bindings as { outgoing?: unknown } | undefined)?.outgoing;
    if (!source || !(outgoing instanceof ServerResponse)) return response;
    void writeChunkSource(source, response, outgoing);
    return RESPONSE_ALREADY_SENT;
  };
}
