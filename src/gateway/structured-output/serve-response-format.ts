import type { ChatRequest } from '../../core/chat-request.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { answerWithResponseTool, type JsonResponseFormat } from './answer-with-response-tool.js';
import { renderResponseToolAsText } from './render-response-tool-as-text.js';

export interface ServedResponseFormat {
  request: ChatRequest;
  /** Applied to the target's canonical stream. */
  transform(events: AsyncIterable<StreamEvent>): AsyncIterable<StreamEvent>;
}

const unchanged = (events: AsyncIterable<StreamEvent>): AsyncIterable<StreamEvent> => events;

/**
 * How a request's structured output reaches a target: as is when the target enforces that format
 * natively (or none is asked for), otherwise through one forced tool whose input becomes the answer text.
 */
export function serveResponseFormat(request: ChatRequest, isNative: (format: JsonResponseFormat) => boolean): ServedResponseFormat {
  const format = request.responseFormat;
  if (!format || format.type === 'text') return { request, transform: unchanged };
  if (isNative(format)) return { request, transform: unchanged };
  const plan = answerWithResponseTool(request, format);
  return { request: plan.request, transform: (events) => renderResponseToolAsText(events, plan.toolName) };
}
