import { createParser, type EventSourceMessage } from 'eventsource-parser';

export type SseEvent = EventSourceMessage;

/**
 * Decodes a byte stream of Server-Sent Events into events, one at a time, without buffering the
 * whole body. Framing follows the SSE specification (via eventsource-parser): `event:`, `data:`
 * (multi-line joined by newlines), `id:`, comments ignored.
 */
export async function* readSseEvents(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent> {
  const pending: SseEvent[] = [];
  const parser = createParser({ onEvent: (event) => void pending.push(event) });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    while (pending.length > 0) yield pending.shift() as SseEvent;
  }
  parser.feed(decoder.decode());
  // A final event without its terminating blank line is still delivered.
  parser.feed('\n\n');
  while (pending.length > 0) yield pending.shift() as SseEvent;
}
