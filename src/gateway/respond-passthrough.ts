import { GatewayError } from '../core/errors/gateway-error.js';
import { UpstreamUnavailableError } from '../core/errors/upstream-unavailable-error.js';
import type { Usage } from '../core/usage.js';
import { renderAnthropicError } from '../formats/anthropic/render-anthropic-error.js';
import { renderOpenAIError } from '../formats/openai/render-openai-error.js';
import type { PassthroughFormat, PassthroughResponse } from '../providers/provider-adapter.js';
import { sseHeaders } from './iterable-to-response-body.js';
import { createPassthroughObserver } from './passthrough-observer.js';

export interface PassthroughOptions {
  requestedModel: string;
  upstreamModel: string;
  stream: boolean;
  format: PassthroughFormat;
  /** Sluice asked the upstream for a usage chunk the client did not ask for: leave it out. */
  hideUsageChunk?: boolean;
  onDone(usage: Usage, error: unknown, firstTokenAt: number | null): void;
}

const encoder = new TextEncoder();

/**
 * Relays a same-format upstream answer through one stream, with no buffering: each upstream chunk
 * is read when the client is ready for it. A failure mid-answer ends an event stream with an error
 * event in the client's format; a client that goes away stops the upstream read.
 */
export function respondPassthrough(upstream: PassthroughResponse, options: PassthroughOptions): Response {
  const isAnthropic = options.format !== 'openai-chat';
  const contentType = upstream.headers['content-type'] ?? (options.stream ? sseHeaders['content-type'] : 'application/json');
  const isEventStream = contentType.includes('text/event-stream');
  const observer = createPassthroughObserver({
    isAnthropic,
    isEventStream,
    renameModelTo: options.requestedModel === options.upstreamModel ? undefined : options.requestedModel,
    hideUsageChunk: options.hideUsageChunk === true,
  });
  let finished = false;
  const done = (error: unknown): void => {
    if (finished) return;
    finished = true;
    options.onDone(observer.usage(), error, observer.firstTokenAt());
  };
  const iterator = upstream.body[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // A pull must enqueue something or close, or the stream stalls: read until it can.
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            for (const chunk of observer.end()) controller.enqueue(chunk);
            done(undefined);
            controller.close();
            return;
          }
          const out = observer.push(next.value);
          for (const chunk of out) controller.enqueue(chunk);
          if (out.length > 0) return;
        }
      } catch (error) {
        const failure = error instanceof GatewayError ? error : new UpstreamUnavailableError('The upstream connection failed mid-answer.', { cause: error });
        done(failure);
        if (!isEventStream) return controller.error(failure);
        const frame = isAnthropic
          ? `event: error\ndata: ${JSON.stringify(renderAnthropicError(failure))}\n\n`
          : `data: ${JSON.stringify(renderOpenAIError(failure))}\n\ndata: [DONE]\n\n`;
        controller.enqueue(encoder.encode(frame));
        controller.close();
      }
    },
    async cancel() {
      done(new DOMException('The client closed the connection.', 'AbortError'));
      await iterator.return?.();
    },
  });
  const headers: Record<string, string> = { 'content-type': contentType };
  if (isEventStream) Object.assign(headers, sseHeaders);
  return new Response(body, { status: upstream.status, headers });
}
