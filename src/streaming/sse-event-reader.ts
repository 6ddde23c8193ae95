import { createParser, type EventSourceMessage } from 'eventsource-parser';

export type SseEvent = EventSourceMessage;

/** How long a consumer that stops early waits for the body's natural end, so the connection can be reused. */
const drainDeadlineMs = 500;

async function drainThenClose(iterator: AsyncIterator<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, drainDeadlineMs, 'timeout')));
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), deadline]);
      if (next === 'timeout') {
        await iterator.return?.();
        return;
      }
      if (next.done) return;
    }
  } catch {
    // The body failed while draining: nothing left to reuse.
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Decodes a byte stream of Server-Sent Events into events, one at a time, without buffering the
 * whole body. Framing follows the SSE specification (via eventsource-parser): `event:`, `data:`
 * (multi-line joined by newlines), `id:`, comments ignored. When the consumer stops early (after
 * the final event), the rest of the body is drained briefly so a keep-alive connection survives.
 */
export async function* readSseEvents(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent> {
  const pending: SseEvent[] = [];
  const parser = createParser({ onEvent: (event) => void pending.push(event) });
  const decoder = new TextDecoder();
  const iterator = body[Symbol.asyncIterator]();
  let ended = false;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      parser.feed(typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true }));
      while (pending.length > 0) yield pending.shift() as SseEvent;
    }
    ended = true;
    parser.feed(decoder.decode());
    // A final event without its terminating blank line is still delivered.
    parser.feed('\n\n');
    while (pending.length > 0) yield pending.shift() as SseEvent;
  } finally {
    if (!ended) await drainThenClose(iterator);
  }
}
