import type { StreamEvent } from '../../core/stream-event.js';
import { readDecodedSseStream } from '../http/read-decoded-sse-stream.js';
import { AnthropicStreamDecoder } from './decode-anthropic-stream.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

/**
 * An Anthropic Messages SSE body → canonical events in contract order, a body chunk's events at a
 * time (see readDecodedSseStream). `open` makes the upstream call on the first read.
 */
export function readAnthropicStream(open: () => Promise<AsyncIterable<Uint8Array | string>>, signal: CancelSignal): AsyncIterable<StreamEvent> {
  return readDecodedSseStream(open, signal, () => new AnthropicStreamDecoder());
}
