import { readEventBatches, withEventBatches } from '../../core/event-batches.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { checkPassthroughResponse } from './check-passthrough-response.js';
import type { UpstreamResponse } from './send-upstream-request.js';
import { toPassthroughResponse } from './to-passthrough-response.js';

/**
 * The canonical events of an answer asked for unstreamed. A JSON answer goes to `decodeWhole`, and
 * its events are handed on as one batch (see core/event-batches.ts); an upstream that streams anyway
 * (some compatible servers and relays always do) is read by `readStream`. What is neither a JSON
 * object nor an event stream (an HTML page, cut JSON, an error despite the 200) is refused before
 * any event, so the call can fail over. `open` makes the upstream call on the first read.
 */
export function readWholeAnswer(
  open: () => Promise<UpstreamResponse>,
  decodeWhole: (json: Record<string, unknown>) => StreamEvent[],
  readStream: (body: AsyncIterable<Uint8Array>) => AsyncIterable<StreamEvent>,
): AsyncIterable<StreamEvent> {
  return withEventBatches(() => readBatches(open, decodeWhole, readStream));
}

async function* readBatches(
  open: () => Promise<UpstreamResponse>,
  decodeWhole: (json: Record<string, unknown>) => StreamEvent[],
  readStream: (body: AsyncIterable<Uint8Array>) => AsyncIterable<StreamEvent>,
): AsyncGenerator<StreamEvent[]> {
  const checked = await checkPassthroughResponse(toPassthroughResponse(await open()), false);
  if (checked.whole) {
    const events = decodeWhole(checked.whole.json);
    if (events.length > 0) yield events;
    return;
  }
  yield* { [Symbol.asyncIterator]: () => readEventBatches(readStream(checked.body)) };
}
