const encoder = new TextEncoder();

/**
 * Turns an async iterable of SSE frames into a byte stream without buffering: one frame is pulled
 * per read, so backpressure reaches the upstream. Cancelling the stream (client gone) calls
 * `return()` on the iterator, which runs the producers' `finally` blocks and aborts the upstream.
 */
export function iterableToResponseBody(frames: AsyncIterable<string | Uint8Array>, onCancel?: () => void): ReadableStream<Uint8Array> {
  const iterator = frames[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
      } catch (error) {
        controller.error(error);
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
