import { withEventBatches } from '../../core/event-batches.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { readSseEventBatches, type SseEvent } from '../../streaming/sse-event-reader.js';
import { StreamContract } from './stream-contract.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

/** A provider's decoder of its SSE events into canonical events, one event at a time and without waiting. */
export interface SseStreamDecoder {
  /** Set once the upstream said its stream is over. */
  readonly done: boolean;
  /** Appends the canonical events of one upstream event to `out`. */
  decode(sse: SseEvent, out: StreamEvent[]): void;
  /** Appends what the end of the stream completes (blocks still open, a held finish); called once, also after `done`. */
  end(out: StreamEvent[]): void;
}

/**
 * An SSE body → canonical events in contract order: the same events as
 * `enforceStreamContract(decode(readSseEvents(body)))`, but every event of a body chunk is decoded
 * and ordered at once, and handed on as one batch (see core/event-batches.ts): the stream costs one
 * asynchronous step per body chunk rather than one per stage and event. `open` makes the upstream
 * call on the first read; what it throws (an HTTP error) is thrown as it is.
 */
export function readDecodedSseStream(
  open: () => Promise<AsyncIterable<Uint8Array | string>>,
  signal: CancelSignal,
  createDecoder: () => SseStreamDecoder,
): AsyncIterable<StreamEvent> {
  return withEventBatches(() => readBatches(open, signal, createDecoder()));
}

async function* readBatches(open: () => Promise<AsyncIterable<Uint8Array | string>>, signal: CancelSignal, decoder: SseStreamDecoder): AsyncGenerator<StreamEvent[]> {
  const body = await open();
  const contract = new StreamContract();
  const decoded: StreamEvent[] = [];
  const out: StreamEvent[] = [];
  const order = (): void => {
    for (const event of decoded) if (!contract.done) contract.push(event, out);
    decoded.length = 0;
  };
  try {
    for await (const batch of readSseEventBatches(body)) {
      for (const sse of batch) {
        decoder.decode(sse, decoded);
        order();
        if (decoder.done || contract.done) break;
      }
      // Over (the upstream said so, or an error ended it): the rest of the body is not read, and
      // these events go out below with the stream's ending.
      if (decoder.done || contract.done) break;
      if (out.length > 0) yield out.splice(0, out.length);
    }
    decoder.end(decoded);
    order();
  } catch (error) {
    // Events decoded before the failure still go first; then the contract's ending.
    contract.fail(error, signal, out);
    if (out.length > 0) yield out;
    return;
  }
  if (!contract.done) contract.end(out);
  if (out.length > 0) yield out;
}
