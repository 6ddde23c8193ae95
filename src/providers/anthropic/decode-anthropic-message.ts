import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { inContractOrder } from '../http/stream-contract.js';
import { AnthropicStreamDecoder } from './decode-anthropic-stream.js';

/**
 * A whole Anthropic Messages answer (`stream: false`) → the canonical events its event stream
 * decodes to, in contract order: each content block is read as the `content_block_start` of a
 * block that arrived complete, then the stop reason and usage as the closing `message_delta`. So a
 * whole answer and a streamed one go through the same block checks (unknown blocks skipped).
 * Throws UpstreamUnavailableError (retryable) for a body that is not a message with a `content` list
 * (an empty list is an empty answer, as a stream that closed at once is).
 */
export function decodeAnthropicMessage(message: Record<string, unknown>): StreamEvent[] {
  const content = message.content;
  if (message.type !== 'message' || !Array.isArray(content)) {
    throw new UpstreamUnavailableError('The upstream answered 200 with JSON that is not a message.', { upstreamStatus: 200 });
  }
  const decoder = new AnthropicStreamDecoder();
  const decoded: StreamEvent[] = [];
  decoder.decodeEvent({ type: 'message_start', message: { id: message.id } }, decoded);
  content.forEach((block: unknown, index) => {
    decoder.decodeEvent({ type: 'content_block_start', index, content_block: block }, decoded);
    decoder.decodeEvent({ type: 'content_block_stop', index }, decoded);
  });
  decoder.decodeEvent({ type: 'message_delta', delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence }, usage: message.usage }, decoded);
  decoder.decodeEvent({ type: 'message_stop' }, decoded);
  return inContractOrder(decoded);
}
