import type { StreamEvent } from '../../core/stream-event.js';
import { checkPassthroughResponse } from '../http/check-passthrough-response.js';
import type { UpstreamResponse } from '../http/send-upstream-request.js';
import { toPassthroughResponse } from '../http/to-passthrough-response.js';
import { decodeAnthropicMessage } from './decode-anthropic-message.js';
import { readAnthropicStream } from './read-anthropic-stream.js';

/**
 * The canonical events of an answer asked for with `stream: false`. An upstream that streams
 * anyway (some Anthropic-compatible relays always do) is read as a stream. What is neither a JSON
 * message nor an event stream (an HTML page, cut JSON, an error despite the 200) is refused before
 * any event, so the call can fail over. `open` makes the upstream call on the first read.
 */
export async function* readAnthropicWholeAnswer(open: () => Promise<UpstreamResponse>, signal: AbortSignal): AsyncGenerator<StreamEvent> {
  const checked = await checkPassthroughResponse(toPassthroughResponse(await open()), false);
  if (checked.whole) yield* decodeAnthropicMessage(checked.whole.json);
  else yield* readAnthropicStream(async () => checked.body, signal);
}
