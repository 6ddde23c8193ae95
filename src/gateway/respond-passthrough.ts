import { GatewayError } from '../core/errors/gateway-error.js';
import { UpstreamUnavailableError } from '../core/errors/upstream-unavailable-error.js';
import type { Usage } from '../core/usage.js';
import { renderAnthropicError } from '../formats/anthropic/render-anthropic-error.js';
import { renderGeminiError } from '../formats/gemini/render-gemini-error.js';
import { renderOpenAIError } from '../formats/openai/render-openai-error.js';
import { transportErrorToGatewayError } from '../providers/http/classify-transport-error.js';
import { isAnthropicPassthroughFormat, type PassthroughFormat, type PassthroughResponse } from '../providers/provider-adapter.js';
import { responseFromSource, type ChunkSource } from './chunk-source.js';
import { sseHeaders } from './iterable-to-response-body.js';
import { createPassthroughObserver, type PassthroughDialect } from './passthrough-observer.js';
import type { CancelSignal } from '../core/cancel-signal.js';

export interface PassthroughOptions {
  requestedModel: string;
  upstreamModel: string;
  stream: boolean;
  format: PassthroughFormat;
  /** Sluice asked the upstream for a usage chunk the client did not ask for: leave it out. */
  hideUsageChunk?: boolean;
  onDone(usage: Usage, error: unknown, firstTokenAt: number | null): void;
  /** The client's own signal: a body cut because the client left is recorded as the client's doing. */
  clientSignal?: CancelSignal;
}

const encoder = new TextEncoder();

/** Responses answers carry usage in their own shape; every other OpenAI format has Chat's usage object. */
const dialectOf = (format: PassthroughFormat): PassthroughDialect => {
  if (isAnthropicPassthroughFormat(format)) return 'anthropic';
  if (format === 'gemini-generate-content' || format === 'gemini-stream-generate-content') return 'gemini';
  return format === 'openai-responses' ? 'openai-responses' : 'openai-chat';
};

/** The in-format SSE error that ends a relayed stream which failed mid-answer. */
function errorFrame(dialect: PassthroughDialect, failure: GatewayError): string {
  switch (dialect) {
    case 'anthropic':
      return `event: error\ndata: ${JSON.stringify(renderAnthropicError(failure))}\n\n`;
    case 'openai-chat':
      return `data: ${JSON.stringify(renderOpenAIError(failure))}\n\ndata: [DONE]\n\n`;
    case 'openai-responses': {
      const { error } = renderOpenAIError(failure);
      return `event: error\ndata: ${JSON.stringify({ type: 'error', code: error.code, message: error.message, param: error.param })}\n\n`;
    }
    case 'gemini':
      return `data: ${JSON.stringify(renderGeminiError(failure))}\r\n\r\n`;
    default: {
      const unreachable: never = dialect;
      return unreachable;
    }
  }
}

/** A failure while relaying: a stalled stream (idle timeout) keeps its own kind and message. */
const midAnswerFailure = (error: unknown): GatewayError => {
  if (error instanceof GatewayError) return error;
  const classified = transportErrorToGatewayError(error);
  return classified.kind === 'timeout' ? classified : new UpstreamUnavailableError('The upstream connection failed mid-answer.', { cause: error });
};

const passthroughContentType = (upstream: PassthroughResponse, options: PassthroughOptions): string =>
  upstream.headers['content-type'] ?? (options.stream ? sseHeaders['content-type'] : 'application/json');

/** Whether the answer is one JSON document rather than an event stream (see respondPassthroughWhole). */
export const isWholePassthrough = (upstream: PassthroughResponse, options: PassthroughOptions): boolean =>
  !passthroughContentType(upstream, options).includes('text/event-stream');

/**
 * Relays a non-streaming same-format answer as one body with a content-length: the upstream sends a
 * single JSON document anyway, and a fixed body goes out in one write instead of headers, chunks
 * and a chunked-encoding trailer. A failure while reading it becomes an error response in the
 * client's format instead of a cut connection.
 */
export async function respondPassthroughWhole(upstream: PassthroughResponse, options: PassthroughOptions): Promise<Response> {
  const contentType = passthroughContentType(upstream, options);
  const observer = createPassthroughObserver({
    dialect: dialectOf(options.format),
    isEventStream: false,
    renameModelTo: options.requestedModel,
    hideUsageChunk: false,
  });
  if (upstream.whole) {
    // Read and parsed already (the malformed-answer check): no second pass over the bytes.
    const body = observer.whole(upstream.whole.bytes, upstream.whole.json);
    options.onDone(observer.usage(), undefined, observer.firstTokenAt());
    return new Response(body, { status: upstream.status, headers: { 'content-type': contentType } });
  }
  const parts: Uint8Array[] = [];
  try {
    for await (const chunk of upstream.body) for (const out of observer.push(chunk)) parts.push(out);
    for (const out of observer.end()) parts.push(out);
  } catch (error) {
    const failure = options.clientSignal?.aborted
      ? new DOMException('The client closed the connection.', 'AbortError')
      : midAnswerFailure(error);
    options.onDone(observer.usage(), failure, observer.firstTokenAt());
    throw failure;
  }
  options.onDone(observer.usage(), undefined, observer.firstTokenAt());
  const body = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  return new Response(body, { status: upstream.status, headers: { 'content-type': contentType } });
}

/**
 * Relays a same-format upstream answer through one stream, with no buffering: each upstream chunk
 * is read when the client is ready for it. A failure mid-answer ends an event stream with an error
 * event in the client's format; a client that goes away stops the upstream read.
 */
export function respondPassthrough(upstream: PassthroughResponse, options: PassthroughOptions): Response {
  const dialect = dialectOf(options.format);
  const contentType = passthroughContentType(upstream, options);
  const isEventStream = contentType.includes('text/event-stream');
  const observer = createPassthroughObserver({
    dialect,
    isEventStream,
    renameModelTo: options.requestedModel,
    hideUsageChunk: options.hideUsageChunk === true,
  });
  let finished = false;
  const done = (error: unknown): void => {
    if (finished) return;
    finished = true;
    options.onDone(observer.usage(), error, observer.firstTokenAt());
  };
  const iterator = upstream.body[Symbol.asyncIterator]();
  const source: ChunkSource = {
    async pull() {
      // Something must be sent or the body ended (the source's contract): read until it can.
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            const chunks = observer.end();
            done(undefined);
            return { chunks, done: true };
          }
          const out = observer.push(next.value);
          if (out.length > 0) return { chunks: out, done: false };
        }
      } catch (error) {
        const failure = midAnswerFailure(error);
        done(failure);
        if (!isEventStream) throw failure;
        return { chunks: [encoder.encode(errorFrame(dialect, failure))], done: true };
      }
    },
    async cancel() {
      done(new DOMException('The client closed the connection.', 'AbortError'));
      await iterator.return?.();
    },
  };
  const headers: Record<string, string> = { 'content-type': contentType };
  if (isEventStream) Object.assign(headers, sseHeaders);
  return responseFromSource(source, { status: upstream.status, headers });
}
