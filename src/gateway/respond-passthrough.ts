import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { GatewayError } from '../core/errors/gateway-error.js';
import { UpstreamUnavailableError } from '../core/errors/upstream-unavailable-error.js';
import { emptyUsage, mergeUsage, type Usage } from '../core/usage.js';
import { renderAnthropicError } from '../formats/anthropic/render-anthropic-error.js';
import { renderOpenAIError } from '../formats/openai/render-openai-error.js';
import type { PassthroughFormat, PassthroughResponse } from '../providers/provider-adapter.js';
import { sseHeaders } from './iterable-to-response-body.js';
import { anthropicUsageFromPayload } from '../providers/anthropic/anthropic-usage-from-payload.js';
import { openAIUsageFromPayload } from '../providers/openai/openai-usage-from-payload.js';

export interface PassthroughOptions {
  requestedModel: string;
  upstreamModel: string;
  stream: boolean;
  format: PassthroughFormat;
  /** Sluice asked the upstream for a usage chunk the client did not ask for: leave it out. */
  hideUsageChunk?: boolean;
  onDone(usage: Usage, error: unknown, firstTokenAt: number | null): void;
}

const MAX_JSON_BYTES = 32 * 1024 * 1024;
const encoder = new TextEncoder();

/**
 * Relays a same-format upstream answer. The bytes go through untouched while a side parser notes
 * usage; only when a model mapping applies are events re-serialised to show the requested model.
 */
export function respondPassthrough(upstream: PassthroughResponse, options: PassthroughOptions): Response {
  const renaming = options.requestedModel !== options.upstreamModel;
  const rewrite = renaming || options.hideUsageChunk === true;
  const isAnthropic = options.format !== 'openai-chat';
  const contentType = upstream.headers['content-type'] ?? (options.stream ? sseHeaders['content-type'] : 'application/json');
  const isEventStream = contentType.includes('text/event-stream');
  let usage = emptyUsage();
  let firstTokenAt: number | null = null;
  let finished = false;
  const done = (error: unknown): void => {
    if (finished) return;
    finished = true;
    options.onDone(usage, error, firstTokenAt);
  };
  const readUsage = (payload: Record<string, unknown>): void => {
    const update = isAnthropic ? anthropicUsageFromPayload(payload) : openAIUsageFromPayload(payload);
    if (update) usage = mergeUsage(usage, update);
  };
  const isUsageOnlyChunk = (payload: Record<string, unknown>): boolean =>
    Array.isArray(payload.choices) && payload.choices.length === 0 && payload.usage !== undefined;
  const renameModel = (payload: Record<string, unknown>): void => {
    if (typeof payload.model === 'string') payload.model = options.requestedModel;
    const message = payload.message as Record<string, unknown> | undefined;
    if (message && typeof message.model === 'string') message.model = options.requestedModel;
  };

  let transform: TransformStream<Uint8Array, Uint8Array>;
  if (isEventStream) {
    const decoder = new TextDecoder();
    let output: TransformStreamDefaultController<Uint8Array> | undefined;
    const parser = createParser({
      onEvent(message: EventSourceMessage) {
        const wantsUsage = isAnthropic ? message.event === 'message_start' || message.event === 'message_delta' : message.data.includes('"usage"');
        if (firstTokenAt === null && message.data.includes('"delta"')) firstTokenAt = Date.now();
        if (!wantsUsage && !renaming) {
          if (rewrite) output?.enqueue(encoder.encode(`${message.event ? `event: ${message.event}\n` : ''}data: ${message.data}\n\n`));
          return;
        }
        let payload: Record<string, unknown> | undefined;
        try {
          payload = JSON.parse(message.data) as Record<string, unknown>;
        } catch {
          payload = undefined;
        }
        if (payload) readUsage(payload);
        if (rewrite && output) {
          if (payload && options.hideUsageChunk && isUsageOnlyChunk(payload)) return;
          if (payload && renaming) renameModel(payload);
          const data = payload ? JSON.stringify(payload) : message.data;
          output.enqueue(encoder.encode(`${message.event ? `event: ${message.event}\n` : ''}data: ${data}\n\n`));
        }
      },
    });
    transform = new TransformStream({
      transform(chunk, controller) {
        output = controller;
        if (!rewrite) controller.enqueue(chunk);
        parser.feed(decoder.decode(chunk, { stream: true }));
      },
      flush() {
        done(undefined);
      },
    });
  } else {
    const chunks: Uint8Array[] = [];
    let size = 0;
    transform = new TransformStream({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size <= MAX_JSON_BYTES) chunks.push(chunk);
        if (!renaming) controller.enqueue(chunk);
      },
      flush(controller) {
        try {
          const payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
          readUsage(payload);
          if (renaming) {
            renameModel(payload);
            controller.enqueue(encoder.encode(JSON.stringify(payload)));
          }
        } catch {
          if (renaming) controller.enqueue(Buffer.concat(chunks));
        }
        done(undefined);
      },
    });
  }

  const body = upstream.body.pipeThrough(transform);
  const reader = body.getReader();
  const relayed = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        const failure =
          error instanceof GatewayError ? error : new UpstreamUnavailableError('The upstream connection failed mid-answer.', { cause: error });
        done(failure);
        if (!isEventStream) return controller.error(failure);
        // Mid-stream failures end with an in-format error event and a clean close, never a silent cut.
        const frame = isAnthropic
          ? `event: error\ndata: ${JSON.stringify(renderAnthropicError(failure))}\n\n`
          : `data: ${JSON.stringify(renderOpenAIError(failure))}\n\ndata: [DONE]\n\n`;
        controller.enqueue(encoder.encode(frame));
        controller.close();
      }
    },
    async cancel(reason) {
      done(new DOMException('The client closed the connection.', 'AbortError'));
      await reader.cancel(reason);
    },
  });
  const headers: Record<string, string> = { 'content-type': contentType };
  if (isEventStream) Object.assign(headers, sseHeaders);
  return new Response(relayed, { status: upstream.status, headers });
}
