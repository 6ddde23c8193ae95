import { InternalError } from '../../core/errors/internal-error.js';
import type { FinishReason } from '../../core/finish-reason.js';
import { renderEvents, waiting, type Waiting } from '../../core/render-frames.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { emptyUsage, mergeUsage, type Usage } from '../../core/usage.js';
import { createResponseId } from '../create-response-id.js';
import { toGatewayError } from '../to-gateway-error.js';
import { toOpenAIFinishReason } from './map-openai-finish-reason.js';
import { renderOpenAIError } from './render-openai-error.js';
import { renderOpenAIUsage } from './render-openai-usage.js';

export interface RenderOpenAIStreamOptions {
  model: string;
  /** `stream_options.include_usage`: send a last chunk with `choices: []` and the usage. */
  includeUsage: boolean;
  id?: string;
  created?: number;
}

type ChunkDelta = Record<string, unknown>;

const frame = (data: unknown): string => `data: ${JSON.stringify(data)}\n\n`;
const doneFrame = 'data: [DONE]\n\n';

/**
 * Canonical events → OpenAI Chat Completions SSE frames. Tool calls get OpenAI's own contiguous
 * `tool_calls[].index` (0, 1, … per tool call), independent of how many text or reasoning blocks came first.
 * An `error` event or a throwing source ends the stream with an in-format error frame and `[DONE]`.
 */
export function renderOpenAIStream(events: AsyncIterable<StreamEvent>, options: RenderOpenAIStreamOptions): AsyncIterable<string> {
  return renderEvents(events, (live) => openAIFrames(live, options));
}

/** renderOpenAIStream as a frame renderer (see core/render-frames.ts). */
export function* openAIFrames(events: Iterable<StreamEvent | Waiting>, options: RenderOpenAIStreamOptions): Generator<string | Waiting, void, undefined> {
  const id = options.id ?? createResponseId('chatcmpl-');
  const created = options.created ?? Math.floor(Date.now() / 1000);
  const toolIndexes = new Map<string, number>();
  let usage: Usage = emptyUsage();
  let finishReason: FinishReason | undefined;
  let started = false;

  // Every chunk repeats the same envelope: rendered once, each frame only serialises its delta. The
  // bytes are exactly those of JSON.stringify on the whole chunk (same keys, same order).
  const envelope = JSON.stringify({ id, object: 'chat.completion.chunk', created, model: options.model });
  const chunkStart = `data: ${envelope.slice(0, -1)},"choices":[{"index":0,"delta":`;
  const chunkEnd = options.includeUsage ? '}],"usage":null}\n\n' : '}]}\n\n';
  const chunk = (delta: ChunkDelta, finish: string | null = null): string =>
    `${chunkStart}${JSON.stringify(delta)},"logprobs":null,"finish_reason":${JSON.stringify(finish)}${chunkEnd}`;
  const toolIndex = (toolId: string): number => {
    const known = toolIndexes.get(toolId);
    if (known !== undefined) return known;
    const next = toolIndexes.size;
    toolIndexes.set(toolId, next);
    return next;
  };

  try {
    for (const event of events) {
      if (event === waiting) {
        yield waiting;
        continue;
      }
      if (!started && event.type !== 'error') {
        started = true;
        yield chunk({ role: 'assistant', content: '' });
      }
      switch (event.type) {
        case 'message-start':
          if (event.usage) usage = mergeUsage(usage, event.usage);
          break;
        case 'text-delta':
          if (event.delta !== '') yield chunk({ content: event.delta });
          break;
        case 'reasoning-delta':
          if (event.delta !== '') yield chunk({ reasoning_content: event.delta });
          break;
        case 'tool-input-start':
          yield chunk({
            tool_calls: [
              { index: toolIndex(event.id), id: event.id, type: 'function', function: { name: event.name, arguments: '' } },
            ],
          });
          break;
        case 'tool-input-delta':
          if (event.delta !== '') {
            yield chunk({ tool_calls: [{ index: toolIndex(event.id), function: { arguments: event.delta } }] });
          }
          break;
        case 'usage':
          usage = mergeUsage(usage, event.usage);
          break;
        case 'finish':
          finishReason = event.reason;
          break;
        case 'error':
          yield frame(renderOpenAIError(event.error));
          yield doneFrame;
          return;
        case 'text-start':
        case 'text-end':
        case 'reasoning-start':
        case 'reasoning-end':
        case 'reasoning-signature':
        case 'redacted-reasoning':
        case 'tool-input-end':
          break;
        default: {
          const unreachable: never = event;
          throw new InternalError(`Unknown stream event ${JSON.stringify(unreachable)}`);
        }
      }
    }
  } catch (error) {
    yield frame(renderOpenAIError(toGatewayError(error)));
    yield doneFrame;
    return;
  }

  if (!started) yield chunk({ role: 'assistant', content: '' });
  const reason = finishReason ?? (toolIndexes.size > 0 ? 'tool-calls' : 'stop');
  yield chunk({}, toOpenAIFinishReason(reason));
  if (options.includeUsage) {
    yield frame({ id, object: 'chat.completion.chunk', created, model: options.model, choices: [], usage: renderOpenAIUsage(usage) });
  }
  yield doneFrame;
}
