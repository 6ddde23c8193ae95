import { InternalError } from '../../core/errors/internal-error.js';
import type { FinishReason } from '../../core/finish-reason.js';
import { renderEvents, waiting, type Waiting } from '../../core/render-frames.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { emptyUsage, mergeUsage, type Usage } from '../../core/usage.js';
import { createResponseId } from '../create-response-id.js';
import { toGatewayError } from '../to-gateway-error.js';
import { toAnthropicStopReason } from './map-anthropic-stop-reason.js';
import { renderAnthropicError } from './render-anthropic-error.js';
import { renderAnthropicUsage, type AnthropicUsage } from './render-anthropic-usage.js';

export interface RenderAnthropicStreamOptions {
  model: string;
  id?: string;
}

type BlockKind = 'text' | 'thinking' | 'tool_use';

const frame = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

const startBlocks: Record<BlockKind, (id: string, name: string) => Record<string, unknown>> = {
  text: () => ({ type: 'text', text: '' }),
  thinking: () => ({ type: 'thinking', thinking: '', signature: '' }),
  tool_use: (id, name) => ({ type: 'tool_use', id, name, input: {} }),
};

/** The usage of message_delta: the fields the upstream reported, then output_tokens, always. */
function deltaUsage(wire: AnthropicUsage, known: ReadonlySet<string>): Partial<AnthropicUsage> {
  // Filled in one by one on an empty object: spreads of the optional parts would give it a shape of
  // its own on every answer (V8).
  const usage: Partial<AnthropicUsage> = {};
  if (known.has('inputTokens')) usage.input_tokens = wire.input_tokens;
  if (known.has('cacheWriteTokens')) usage.cache_creation_input_tokens = wire.cache_creation_input_tokens;
  if (known.has('cacheReadTokens')) usage.cache_read_input_tokens = wire.cache_read_input_tokens;
  usage.output_tokens = wire.output_tokens;
  return usage;
}

/** Content blocks of one answer: the index of each open block by its id, and the next index to give. */
interface BlockIndex {
  open: Map<string, number>;
  next: number;
}

/**
 * The block's index, opening it (content_block_start) if it is new. At module level: a generator
 * function made per answer gets a prototype and a shape of its own each time (V8).
 */
function* openBlock(blocks: BlockIndex, id: string, kind: BlockKind, name = ''): Generator<string, number> {
  const known = blocks.open.get(id);
  if (known !== undefined) return known;
  const index = blocks.next++;
  blocks.open.set(id, index);
  yield frame('content_block_start', { type: 'content_block_start', index, content_block: startBlocks[kind](id, name) });
  return index;
}

/**
 * Canonical events → Anthropic Messages SSE (`event:` + `data:` frames, as Anthropic sends them).
 * Content-block indices are contiguous from 0 in order of appearance; blocks still open at the end are
 * closed before `message_delta`. An `error` event or a throwing source ends with `event: error`.
 */
export function renderAnthropicStream(events: AsyncIterable<StreamEvent>, options: RenderAnthropicStreamOptions): AsyncIterable<string> {
  return renderEvents(events, (live) => anthropicFrames(live, options));
}

/** renderAnthropicStream as a frame renderer (see core/render-frames.ts). */
export function* anthropicFrames(events: Iterable<StreamEvent | Waiting>, options: RenderAnthropicStreamOptions): Generator<string | Waiting, void, undefined> {
  const blocks: BlockIndex = { open: new Map(), next: 0 };
  const openBlocks = blocks.open;
  const knownUsage = new Set<string>();
  let usage: Usage = emptyUsage();
  let finishReason: FinishReason | undefined;
  let stopSequence: string | undefined;
  let messageId = options.id;
  let started = false;
  let sawToolUse = false;

  const addUsage = (update: Partial<Usage>): void => {
    usage = mergeUsage(usage, update);
    for (const [key, value] of Object.entries(update)) if (value !== undefined) knownUsage.add(key);
  };
  const messageStart = (): string => {
    started = true;
    return frame('message_start', {
      type: 'message_start',
      message: {
        id: messageId ?? createResponseId('msg_'),
        type: 'message',
        role: 'assistant',
        model: options.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: renderAnthropicUsage(usage),
      },
    });
  };
  const closeBlock = (id: string): string | undefined => {
    const index = openBlocks.get(id);
    if (index === undefined) return undefined;
    openBlocks.delete(id);
    return frame('content_block_stop', { type: 'content_block_stop', index });
  };
  const delta = (index: number, value: Record<string, unknown>): string =>
    frame('content_block_delta', { type: 'content_block_delta', index, delta: value });

  try {
    for (const event of events) {
      if (event === waiting) {
        yield waiting;
        continue;
      }
      if (event.type === 'message-start') {
        messageId = messageId ?? event.id;
        if (event.usage) addUsage(event.usage);
      }
      if (!started && event.type !== 'error') yield messageStart();
      switch (event.type) {
        case 'message-start':
          break;
        case 'text-start':
          yield* openBlock(blocks, event.id, 'text');
          break;
        case 'text-delta': {
          const index = yield* openBlock(blocks, event.id, 'text');
          yield delta(index, { type: 'text_delta', text: event.delta });
          break;
        }
        case 'reasoning-start':
          yield* openBlock(blocks, event.id, 'thinking');
          break;
        case 'reasoning-delta': {
          const index = yield* openBlock(blocks, event.id, 'thinking');
          yield delta(index, { type: 'thinking_delta', thinking: event.delta });
          break;
        }
        case 'reasoning-signature': {
          const index = yield* openBlock(blocks, event.id, 'thinking');
          yield delta(index, { type: 'signature_delta', signature: event.signature });
          break;
        }
        case 'redacted-reasoning': {
          const index = blocks.next++;
          yield frame('content_block_start', {
            type: 'content_block_start',
            index,
            content_block: { type: 'redacted_thinking', data: event.data },
          });
          yield frame('content_block_stop', { type: 'content_block_stop', index });
          break;
        }
        case 'tool-input-start':
          sawToolUse = true;
          yield* openBlock(blocks, event.id, 'tool_use', event.name);
          break;
        case 'tool-input-delta': {
          const index = yield* openBlock(blocks, event.id, 'tool_use');
          if (event.delta !== '') yield delta(index, { type: 'input_json_delta', partial_json: event.delta });
          break;
        }
        case 'text-end':
        case 'reasoning-end':
        case 'tool-input-end': {
          const stop = closeBlock(event.id);
          if (stop) yield stop;
          break;
        }
        case 'usage':
          addUsage(event.usage);
          break;
        case 'finish':
          finishReason = event.reason;
          stopSequence = event.stopSequence;
          break;
        case 'error':
          yield frame('error', renderAnthropicError(event.error));
          return;
        default: {
          const unreachable: never = event;
          throw new InternalError(`Unknown stream event ${JSON.stringify(unreachable)}`);
        }
      }
    }
  } catch (error) {
    yield frame('error', renderAnthropicError(toGatewayError(error)));
    return;
  }

  if (!started) yield messageStart();
  for (const id of [...openBlocks.keys()]) {
    const stop = closeBlock(id);
    if (stop) yield stop;
  }
  const wireUsage = renderAnthropicUsage(usage);
  yield frame('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: toAnthropicStopReason(finishReason ?? (sawToolUse ? 'tool-calls' : 'stop')), stop_sequence: stopSequence ?? null },
    usage: deltaUsage(wireUsage, knownUsage),
  });
  yield frame('message_stop', { type: 'message_stop' });
}
