import { InternalError } from '../../core/errors/internal-error.js';
import type { FinishReason } from '../../core/finish-reason.js';
import { renderEvents, waiting, type Waiting } from '../../core/render-frames.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { emptyUsage, mergeUsage, type Usage } from '../../core/usage.js';
import { createResponseId } from '../create-response-id.js';
import { toGatewayError } from '../to-gateway-error.js';
import { toGeminiFinishReason } from './map-gemini-finish-reason.js';
import { renderGeminiError } from './render-gemini-error.js';
import { toGeminiArgs, type GeminiGenerateContentResponse, type GeminiResponsePart } from './render-gemini-response.js';
import { renderGeminiUsage } from './render-gemini-usage.js';

export type GeminiStreamFraming = 'sse' | 'json-array';

export interface RenderGeminiStreamOptions {
  model: string;
  includeThoughts: boolean;
  /** `?alt=sse` gives server-sent events; without it Gemini streams one JSON array. */
  framing: GeminiStreamFraming;
  id?: string;
}

/** Writes response objects in the chosen framing: `data: …\r\n\r\n` events, or the items of one JSON array. */
class Framer {
  private count = 0;
  constructor(private readonly framing: GeminiStreamFraming) {}

  item(value: unknown): string {
    const json = JSON.stringify(value);
    if (this.framing === 'sse') return `data: ${json}\r\n\r\n`;
    return `${this.count++ === 0 ? '[' : ',\r\n'}${json}`;
  }

  close(): string {
    if (this.framing === 'sse') return '';
    return this.count === 0 ? '[]' : ']';
  }
}

/**
 * Canonical events → Gemini `streamGenerateContent` chunks. Text and thoughts go out as they come;
 * a function call goes out whole once its arguments are complete, as Gemini sends them. Each chunk
 * is held back by one so that the last carries `finishReason` and the usage totals. An `error`
 * event or a throwing source ends the stream with Google's error object.
 */
export function renderGeminiStream(events: AsyncIterable<StreamEvent>, options: RenderGeminiStreamOptions): AsyncIterable<string> {
  return renderEvents(events, (live) => geminiFrames(live, options));
}

/** renderGeminiStream as a frame renderer (see core/render-frames.ts). */
export function* geminiFrames(events: Iterable<StreamEvent | Waiting>, options: RenderGeminiStreamOptions): Generator<string | Waiting, void, undefined> {
  const framer = new Framer(options.framing);
  const responseId = options.id ?? createResponseId('msg_').slice(4);
  const tools = new Map<string, { name: string; input: string }>();
  let usage: Usage = emptyUsage();
  let finishReason: FinishReason | undefined;
  let held: GeminiResponsePart[] | undefined;
  let madeCalls = false;
  /** The reasoning signature that goes out with the next function call, as Gemini sends it. */
  let signature: string | undefined;
  const call = (id: string, tool: { name: string; input: string }): GeminiResponsePart => {
    const part: GeminiResponsePart = { functionCall: { id, name: tool.name, args: toGeminiArgs(tool.input) }, ...(signature ? { thoughtSignature: signature } : {}) };
    signature = undefined;
    madeCalls = true;
    return part;
  };

  const chunk = (parts: GeminiResponsePart[], last: boolean): GeminiGenerateContentResponse => ({
    candidates: [
      {
        content: { role: 'model', parts },
        ...(last ? { finishReason: toGeminiFinishReason(finishReason ?? (madeCalls ? 'tool-calls' : 'stop')) } : {}),
        index: 0,
      },
    ],
    ...(last ? { usageMetadata: renderGeminiUsage(usage) } : {}),
    modelVersion: options.model,
    responseId,
  });
  const hold = function* (part: GeminiResponsePart): Generator<string> {
    if (held) yield framer.item(chunk(held, false));
    held = [part];
  };

  try {
    for (const event of events) {
      if (event === waiting) {
        yield waiting;
        continue;
      }
      switch (event.type) {
        case 'message-start':
          if (event.usage) usage = mergeUsage(usage, event.usage);
          break;
        case 'text-delta':
          if (event.delta !== '') yield* hold({ text: event.delta });
          break;
        case 'reasoning-delta':
          if (options.includeThoughts && event.delta !== '') yield* hold({ text: event.delta, thought: true });
          break;
        case 'tool-input-start':
          tools.set(event.id, { name: event.name, input: '' });
          break;
        case 'tool-input-delta': {
          const tool = tools.get(event.id);
          if (tool) tool.input += event.delta;
          break;
        }
        case 'tool-input-end': {
          const tool = tools.get(event.id);
          if (!tool) break;
          tools.delete(event.id);
          yield* hold(call(event.id, tool));
          break;
        }
        case 'usage':
          usage = mergeUsage(usage, event.usage);
          break;
        case 'finish':
          finishReason = event.reason;
          break;
        case 'error':
          if (held) yield framer.item(chunk(held, false));
          yield framer.item(renderGeminiError(event.error));
          yield framer.close();
          return;
        case 'reasoning-signature':
          signature = (signature ?? '') + event.signature;
          break;
        case 'reasoning-start':
          signature = undefined;
          break;
        case 'text-start':
        case 'text-end':
        case 'reasoning-end':
        case 'redacted-reasoning':
          break;
        default: {
          const unreachable: never = event;
          throw new InternalError(`Unknown stream event ${JSON.stringify(unreachable)}`);
        }
      }
    }
  } catch (error) {
    if (held) yield framer.item(chunk(held, false));
    yield framer.item(renderGeminiError(toGatewayError(error)));
    yield framer.close();
    return;
  }
  for (const [id, tool] of tools) yield* hold(call(id, tool));
  yield framer.item(chunk(held ?? [{ text: '' }], true));
  yield framer.close();
}
