import { FrameBatch } from './frame-batch.js';
import { responseFromSource, sourceToReadableStream, type ChunkSource } from './chunk-source.js';

const notYet = Symbol('not yet');

/**
 * The end of the current turn of the event loop (after every microtask already queued), to race
 * promises against one after another. Promise.race against one shared promise would leave a
 * reaction on it per race, each run when the turn ends: with one race per frame, that doubled the
 * cost of moving a frame.
 */
function endOfTurn(): { race<T>(promise: Promise<T>): Promise<T | typeof notYet>; dispose(): void } {
  let ended = false;
  let wake: ((value: typeof notYet) => void) | undefined;
  const timer = setImmediate(() => {
    ended = true;
    wake?.(notYet);
  });
  return {
    race: <T>(promise: Promise<T>) =>
      ended
        ? Promise.resolve(notYet)
        : new Promise<T | typeof notYet>((resolve, reject) => {
            wake = resolve;
            promise.then(resolve, reject);
          }),
    dispose: () => clearImmediate(timer),
  };
}

/**
 * Turns an async iterable of SSE frames into a byte source without buffering: frames are pulled
 * on demand, so backpressure reaches the upstream. Frames that are ready at once (decoded from
 * the same upstream read, before the next turn of the event loop) go out together as one chunk,
 * one socket write instead of one each; a frame that needs more upstream bytes is never waited
 * for. Cancelling (client gone) calls `return()` on the iterator, which runs the producers'
 * `finally` blocks and aborts the upstream.
 */
export function iterableToChunkSource(frames: AsyncIterable<string | Uint8Array>, onCancel?: () => void): ChunkSource {
  const iterator = frames[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<string | Uint8Array>> | undefined;
  let failure: { error: unknown } | undefined;
  return {
    async pull() {
      if (failure) throw failure.error;
      const batch = new FrameBatch();
      try {
        for (;;) {
          const first = await (pending ?? iterator.next());
          pending = undefined;
          if (first.done) return { chunks: batch.take(), done: true };
          batch.add(first.value);
          // Every frame that comes before the end of this turn of the event loop joins this chunk.
          const turn = endOfTurn();
          try {
            for (;;) {
              const next = iterator.next();
              const ready = await turn.race(next);
              if (ready === notYet) {
                // Kept for the next pull; a failure then surfaces there.
                next.catch(() => undefined);
                pending = next;
                break;
              }
              if (ready.done) return { chunks: batch.take(), done: true };
              batch.add(ready.value);
            }
          } finally {
            turn.dispose();
          }
          const chunks = batch.take();
          // Only empty frames so far: a chunk must carry bytes, so wait for more.
          if (chunks.length > 0) return { chunks, done: false };
        }
      } catch (error) {
        const chunks = batch.take();
        if (chunks.length === 0) throw error;
        // The frames before the failure still reach the client; the error follows on the next pull.
        failure = { error };
        return { chunks, done: false };
      }
    },
    async cancel() {
      onCancel?.();
      await iterator.return?.();
    },
  };
}

/** The frames as a web byte stream (see iterableToChunkSource). */
export function iterableToResponseBody(frames: AsyncIterable<string | Uint8Array>, onCancel?: () => void): ReadableStream<Uint8Array> {
  return sourceToReadableStream(iterableToChunkSource(frames, onCancel));
}

/** The frames as a Response body that the server can also write straight to its socket (see chunk-source.ts). */
export function iterableToResponse(frames: AsyncIterable<string | Uint8Array>, init: ResponseInit, onCancel?: () => void): Response {
  return responseFromSource(iterableToChunkSource(frames, onCancel), init);
}

export const sseHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;
