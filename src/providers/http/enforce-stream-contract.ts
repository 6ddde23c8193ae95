import type { StreamEvent } from '../../core/stream-event.js';
import { StreamContract } from './stream-contract.js';

/**
 * The last stage of every provider stream. It guarantees the canonical order: exactly one
 * `message-start` first, every opened block closed, a `usage` event, and exactly one `finish` or
 * `error` at the end. Until the first content arrives nothing is yielded, so a failure that early
 * is thrown (the pool may fail over); later failures become an `error` event. A stream that ends
 * without a finish after content finishes with 'other'; one that ends before any content throws
 * UpstreamUnavailableError. A client abort is rethrown unchanged.
 */
export async function* enforceStreamContract(events: AsyncIterable<StreamEvent>, signal: AbortSignal): AsyncGenerator<StreamEvent> {
  const contract = new StreamContract();
  const out: StreamEvent[] = [];
  try {
    for await (const raw of events) {
      contract.push(raw, out);
      for (const event of out) yield event;
      out.length = 0;
      if (contract.done) return;
    }
  } catch (error) {
    out.length = 0;
    contract.fail(error, signal, out);
    yield* out;
    return;
  }
  contract.end(out);
  yield* out;
}
