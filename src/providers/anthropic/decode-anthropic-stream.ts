import { InternalError } from '../../core/errors/internal-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import type { SseEvent } from '../../streaming/sse-event-reader.js';
import { anthropicContentBlockSchema, anthropicDeltaSchema, anthropicStreamEventSchema } from './anthropic-stream-schema.js';
import { mapAnthropicErrorType } from './map-anthropic-error-type.js';
import { mapAnthropicStopReason } from '../../formats/anthropic/map-anthropic-stop-reason.js';
import { mapAnthropicUsage } from './map-anthropic-usage.js';

type OpenBlock = { kind: 'text' | 'reasoning' | 'tool'; id: string } | { kind: 'ignored' };

/**
 * Most events of a stream are text deltas: they are recognised by hand, with the same checks the
 * schemas make, and only the rest goes through the zod union (two parses per delta otherwise).
 */
function asTextDelta(json: unknown): { index: number; text: string } | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const event = json as { type?: unknown; index?: unknown; delta?: { type?: unknown; text?: unknown } | null };
  if (event.type !== 'content_block_delta' || typeof event.index !== 'number') return undefined;
  const delta = event.delta;
  if (typeof delta !== 'object' || delta === null || delta.type !== 'text_delta' || typeof delta.text !== 'string') return undefined;
  return { index: event.index, text: delta.text };
}

/**
 * Anthropic Messages SSE → canonical events. Block ids: the tool_use id for tools, `text-<index>` and
 * `reasoning-<index>` otherwise. Unknown event and block types are skipped (ping, server tools'
 * results, future additions). Order guarantees are completed by enforceStreamContract.
 */
export async function* decodeAnthropicStream(events: AsyncIterable<SseEvent>): AsyncGenerator<StreamEvent> {
  const blocks = new Map<number, OpenBlock>();
  let stopReason: string | null | undefined;
  let stopSequence: string | null | undefined;
  for await (const sse of events) {
    let json: unknown;
    try {
      json = JSON.parse(sse.data);
    } catch {
      continue;
    }
    const textDelta = asTextDelta(json);
    if (textDelta) {
      const block = blocks.get(textDelta.index);
      if (block?.kind === 'text') yield { type: 'text-delta', id: block.id, delta: textDelta.text };
      continue;
    }
    const parsed = anthropicStreamEventSchema.safeParse(json);
    if (!parsed.success) continue;
    const event = parsed.data;
    switch (event.type) {
      case 'message_start':
        yield { type: 'message-start', id: event.message.id, usage: event.message.usage ? mapAnthropicUsage(event.message.usage) : undefined };
        break;
      case 'content_block_start': {
        const block = anthropicContentBlockSchema.safeParse(event.content_block);
        if (!block.success) {
          blocks.set(event.index, { kind: 'ignored' });
          break;
        }
        const content = block.data;
        switch (content.type) {
          case 'text':
            blocks.set(event.index, { kind: 'text', id: `text-${event.index}` });
            yield { type: 'text-start', id: `text-${event.index}` };
            if (content.text) yield { type: 'text-delta', id: `text-${event.index}`, delta: content.text };
            break;
          case 'thinking':
            blocks.set(event.index, { kind: 'reasoning', id: `reasoning-${event.index}` });
            yield { type: 'reasoning-start', id: `reasoning-${event.index}` };
            if (content.thinking) yield { type: 'reasoning-delta', id: `reasoning-${event.index}`, delta: content.thinking };
            if (content.signature) yield { type: 'reasoning-signature', id: `reasoning-${event.index}`, signature: content.signature };
            break;
          case 'redacted_thinking':
            blocks.set(event.index, { kind: 'ignored' });
            yield { type: 'redacted-reasoning', id: `redacted-${event.index}`, data: content.data };
            break;
          case 'tool_use':
            blocks.set(event.index, { kind: 'tool', id: content.id });
            yield { type: 'tool-input-start', id: content.id, name: content.name };
            if (content.input && typeof content.input === 'object' && Object.keys(content.input).length > 0) {
              yield { type: 'tool-input-delta', id: content.id, delta: JSON.stringify(content.input) };
            }
            break;
          case 'server_tool_use':
            blocks.set(event.index, { kind: 'ignored' });
            break;
          default: {
            const unreachable: never = content;
            throw new InternalError(`Unhandled block ${JSON.stringify(unreachable)}`);
          }
        }
        break;
      }
      case 'content_block_delta': {
        const block = blocks.get(event.index);
        const delta = anthropicDeltaSchema.safeParse(event.delta);
        if (!block || block.kind === 'ignored' || !delta.success) break;
        const value = delta.data;
        if (value.type === 'text_delta' && block.kind === 'text') yield { type: 'text-delta', id: block.id, delta: value.text };
        else if (value.type === 'thinking_delta' && block.kind === 'reasoning') yield { type: 'reasoning-delta', id: block.id, delta: value.thinking };
        else if (value.type === 'signature_delta' && block.kind === 'reasoning') yield { type: 'reasoning-signature', id: block.id, signature: value.signature };
        else if (value.type === 'input_json_delta' && block.kind === 'tool' && value.partial_json !== '') {
          yield { type: 'tool-input-delta', id: block.id, delta: value.partial_json };
        }
        break;
      }
      case 'content_block_stop': {
        const block = blocks.get(event.index);
        blocks.delete(event.index);
        if (!block || block.kind === 'ignored') break;
        if (block.kind === 'text') yield { type: 'text-end', id: block.id };
        else if (block.kind === 'reasoning') yield { type: 'reasoning-end', id: block.id };
        else yield { type: 'tool-input-end', id: block.id };
        break;
      }
      case 'message_delta':
        if (event.delta?.stop_reason !== undefined) stopReason = event.delta.stop_reason;
        if (event.delta?.stop_sequence !== undefined) stopSequence = event.delta.stop_sequence;
        if (event.usage) yield { type: 'usage', usage: mapAnthropicUsage(event.usage) };
        break;
      case 'message_stop':
        yield { type: 'finish', reason: mapAnthropicStopReason(stopReason), stopSequence: stopSequence ?? undefined };
        return;
      case 'ping':
        break;
      case 'error':
        yield { type: 'error', error: mapAnthropicErrorType(event.error.type, event.error.message) };
        return;
      default: {
        const unreachable: never = event;
        throw new InternalError(`Unhandled event ${JSON.stringify(unreachable)}`);
      }
    }
  }
  // Cut after message_delta but before message_stop: the answer is complete enough to finish.
  if (stopReason !== undefined) yield { type: 'finish', reason: mapAnthropicStopReason(stopReason), stopSequence: stopSequence ?? undefined };
}
