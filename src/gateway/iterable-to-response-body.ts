const encoder = new TextEncoder();
const notYet = Symbol('not yet');

/** Settles on the next turn of the event loop, after every microtask already queued. */
const nextTurn = (): Promise<typeof notYet> => new Promise((resolve) => setImmediate(resolve, notYet));

const toBytes = (frame: string | Uint8Array): Uint8Array => (typeof frame === 'string' ? encoder.encode(frame) : frame);

/**
 * Turns an async iterable of SSE frames into a byte stream without buffering: frames are pulled
 * on demand, so backpressure reaches the upstream. Frames that are ready at once (decoded from
 * the same upstream read) go out together as one chunk, one socket write instead of one each;
 * a frame that needs more upstream bytes is never waited for. Cancelling the stream (client gone)
 * calls `return()` on the iterator, which runs the producers' `finally` blocks and aborts the upstream.
 */
export function iterableToResponseBody(frames: AsyncIterable<string | Uint8Array>, onCancel?: () => void): ReadableStream<Uint8Array> {
  const iterator = frames[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<string | Uint8Array>> | undefined;
  let failure: { error: unknown } | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (failure) return controller.error(failure.error);
      const parts: Uint8Array[] = [];
      const flush = () => {
        if (parts.length === 1) controller.enqueue(parts[0]!);
        else if (parts.length > 1) controller.enqueue(Buffer.concat(parts));
      };
      try {
        const first = await (pending ?? iterator.next());
        pending = undefined;
        if (first.done) return controller.close();
        parts.push(toBytes(first.value));
        for (;;) {
          const next = iterator.next();
          const ready = await Promise.race([next, nextTurn()]);
          if (ready === notYet) {
            // Kept for the next pull; a failure then surfaces there.
            next.catch(() => undefined);
            pending = next;
            return flush();
          }
          if (ready.done) {
            flush();
            return controller.close();
          }
          parts.push(toBytes(ready.value));
        }
      } catch (error) {
        if (parts.length === 0) return controller.error(error);
        // The frames before the failure still reach the client; the error follows on the next read.
        flush();
        failure = { error };
      }
    },
    async cancel() {
      onCancel?.();
      await iterator.return?.();
    },
  });
}

export const sseHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;
