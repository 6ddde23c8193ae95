import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { UpstreamUnavailableError } from '../core/errors/upstream-unavailable-error.js';
import { Utf8StreamDecoder } from './utf8-stream-decoder.js';

export type SseEvent = EventSourceMessage;

/** An upstream that sends more than this without completing an event is broken (or hostile). */
export const maxSseEventChars = 16 * 1024 * 1024;

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
  for await (const batch of readSseEventBatches(body)) yield* batch;
}

/**
 * The same events as readSseEvents, as they complete: one batch per chunk of the body that
 * completes any (never an empty batch). A consumer that handles a batch at once pays the cost of
 * an asynchronous step per chunk rather than per event.
 */
export async function* readSseEventBatches(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent[]> {
  let pending: SseEvent[] = [];
  let charsSinceEvent = 0;
  const parser = createParser({
    onEvent: (event) => {
      charsSinceEvent = 0;
      pending.push(event);
    },
  });
  const decoder = new Utf8StreamDecoder();
  const iterator = body[Symbol.asyncIterator]();
  const take = (): SseEvent[] => {
    const batch = pending;
    pending = [];
    return batch;
  };
  let ended = false;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const text = typeof next.value === 'string' ? next.value : decoder.write(next.value);
      charsSinceEvent += text.length;
      parser.feed(text);
      if (charsSinceEvent > maxSseEventChars) throw new UpstreamUnavailableError('Upstream sent an oversized server-sent event.');
      if (pending.length > 0) yield take();
    }
    ended = true;
    parser.feed(decoder.end());
    // A final event without its terminating blank line is still delivered.
    parser.feed('\n\n');
    if (pending.length > 0) yield take();
  } catch (error) {
    // A failed or oversized body is not worth draining: close it at once.
    ended = true;
    await Promise.resolve(iterator.return?.()).catch(() => undefined);
    throw error;
  } finally {
    if (!ended) await drainThenClose(iterator);
  }
}
