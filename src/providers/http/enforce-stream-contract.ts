import { readEventBatches, withEventBatches } from '../../core/event-batches.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { StreamContract } from './stream-contract.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

/**
 * The last stage of every provider stream. It guarantees the canonical order: exactly one
 * `message-start` first, every opened block closed, a `usage` event, and exactly one `finish` or
 * `error` at the end. Until the first content arrives nothing is yielded, so a failure that early
 * is thrown (the pool may fail over); later failures become an `error` event. A stream that ends
 * without a finish after content finishes with 'other'; one that ends before any content throws
 * UpstreamUnavailableError. A client abort is rethrown unchanged.
 *
 * A source that carries batches (core/event-batches.ts) is read a batch at a time, and each batch's
 * events in contract order go on as one batch; any other source is read an event at a time.
 */
export function enforceStreamContract(events: AsyncIterable<StreamEvent>, signal: CancelSignal): AsyncIterable<StreamEvent> {
  return withEventBatches(() => orderBatches({ [Symbol.asyncIterator]: () => readEventBatches(events) }, signal));
}

async function* orderBatches(batches: AsyncIterable<StreamEvent[]>, signal: CancelSignal): AsyncGenerator<StreamEvent[]> {
  const contract = new StreamContract();
  let out: StreamEvent[] = [];
  try {
    for await (const batch of batches) {
      for (const raw of batch) {
        contract.push(raw, out);
        if (contract.done) break;
      }
      // Leaving the loop once done closes the source: nothing may follow the finish or error.
      if (contract.done) break;
      if (out.length > 0) {
        yield out;
        out = [];
      }
    }
  } catch (error) {
    // Whatever was ordered already went out; a failure here comes between batches.
    out = [];
    contract.fail(error, signal, out);
    yield out;
    return;
  }
  if (!contract.done) contract.end(out);
  if (out.length > 0) yield out;
}
