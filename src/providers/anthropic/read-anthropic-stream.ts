import type { StreamEvent } from '../../core/stream-event.js';
import { readSseEventBatches } from '../../streaming/sse-event-reader.js';
import { StreamContract } from '../http/stream-contract.js';
import { AnthropicStreamDecoder } from './decode-anthropic-stream.js';

/**
 * An Anthropic Messages SSE body → canonical events in contract order: the same events as
 * `enforceStreamContract(decodeAnthropicStream(readSseEvents(body)))`, but every event of a body
 * chunk is decoded and ordered at once, so the stream costs one asynchronous step per event and
 * chunk rather than one per stage and event. `open` makes the upstream call on the first read;
 * what it throws (an HTTP error) is thrown as it is.
 */
export async function* readAnthropicStream(
  open: () => Promise<AsyncIterable<Uint8Array | string>>,
  signal: AbortSignal,
): AsyncGenerator<StreamEvent> {
  const body = await open();
  const decoder = new AnthropicStreamDecoder();
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
      const ready = out.splice(0, out.length);
      for (const event of ready) yield event;
      if (decoder.done || contract.done) return;
    }
    decoder.end(decoded);
    order();
  } catch (error) {
    // Events decoded before the failure still go first; then the contract's ending.
    contract.fail(error, signal, out);
    yield* out;
    return;
  }
  if (!contract.done) contract.end(out);
  yield* out;
}
