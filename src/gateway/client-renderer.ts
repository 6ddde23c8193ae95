import type { ChatResult } from '../core/chat-result.js';
import type { StreamEvent } from '../core/stream-event.js';

/** How one client format writes answers; each client format provides one. */
export interface ClientRenderer {
  format: 'openai' | 'anthropic' | 'responses' | 'gemini';
  /** The content type of a streamed answer, when it is not server-sent events. */
  streamContentType?: string;
  renderStream(events: AsyncIterable<StreamEvent>, options: { model: string; includeUsage: boolean }): AsyncIterable<string>;
  renderResult(result: ChatResult, model: string): unknown;
}
