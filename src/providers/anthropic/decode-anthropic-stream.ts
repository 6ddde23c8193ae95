import { InternalError } from '../../core/errors/internal-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import type { SseEvent } from '../../streaming/sse-event-reader.js';
import { asTextDelta, readCompactTextDelta } from './anthropic-text-delta.js';
import { readAnthropicContentBlock, readAnthropicDelta, readAnthropicStreamEvent } from './read-anthropic-stream-event.js';
import { mapAnthropicErrorType } from './map-anthropic-error-type.js';
import { mapAnthropicStopReason } from '../../formats/anthropic/map-anthropic-stop-reason.js';
import { mapAnthropicUsage } from './map-anthropic-usage.js';

type OpenBlock = { kind: 'text' | 'reasoning' | 'tool'; id: string } | { kind: 'ignored' };

/**
 * Anthropic Messages SSE → canonical events, one upstream event at a time and without waiting:
 * `decode` appends the canonical events of each to `out`. Block ids: the tool_use id for tools,
 * `text-<index>` and `reasoning-<index>` otherwise. Unknown event and block types are skipped (ping,
 * server tools' results, future additions). Order guarantees are completed by StreamContract.
 */
export class AnthropicStreamDecoder {
  /** Set after message_stop or an error event: the stream is over. */
  done = false;
  private readonly blocks = new Map<number, OpenBlock>();
  private stopReason: string | null | undefined;
  private stopSequence: string | null | undefined;

  decode(sse: SseEvent, out: StreamEvent[]): void {
    const compact = readCompactTextDelta(sse.data);
    if (compact) return this.textDelta(compact.index, compact.text, out);
    let json: unknown;
    try {
      json = JSON.parse(sse.data);
    } catch {
      return;
    }
    this.decodeEvent(json, out);
  }

  /** One event's parsed payload (an SSE event's data, or a part of a whole answer: see decodeAnthropicMessage). */
  decodeEvent(json: unknown, out: StreamEvent[]): void {
    const textDelta = asTextDelta(json);
    if (textDelta) return this.textDelta(textDelta.index, textDelta.text, out);
    const event = readAnthropicStreamEvent(json);
    if (!event) return;
    switch (event.type) {
      case 'message_start':
        out.push({ type: 'message-start', id: event.message.id, usage: event.message.usage ? mapAnthropicUsage(event.message.usage) : undefined });
        return;
      case 'content_block_start':
        return this.startBlock(event.index, event.content_block, out);
      case 'content_block_delta': {
        const block = this.blocks.get(event.index);
        const value = readAnthropicDelta(event.delta);
        if (!block || block.kind === 'ignored' || !value) return;
        if (value.type === 'text_delta' && block.kind === 'text') out.push({ type: 'text-delta', id: block.id, delta: value.text });
        else if (value.type === 'thinking_delta' && block.kind === 'reasoning') out.push({ type: 'reasoning-delta', id: block.id, delta: value.thinking });
        else if (value.type === 'signature_delta' && block.kind === 'reasoning') out.push({ type: 'reasoning-signature', id: block.id, signature: value.signature });
        else if (value.type === 'input_json_delta' && block.kind === 'tool' && value.partial_json !== '') {
          out.push({ type: 'tool-input-delta', id: block.id, delta: value.partial_json });
        }
        return;
      }
      case 'content_block_stop': {
        const block = this.blocks.get(event.index);
        this.blocks.delete(event.index);
        if (!block || block.kind === 'ignored') return;
        if (block.kind === 'text') out.push({ type: 'text-end', id: block.id });
        else if (block.kind === 'reasoning') out.push({ type: 'reasoning-end', id: block.id });
        else out.push({ type: 'tool-input-end', id: block.id });
        return;
      }
      case 'message_delta':
        if (event.delta?.stop_reason !== undefined) this.stopReason = event.delta.stop_reason;
        if (event.delta?.stop_sequence !== undefined) this.stopSequence = event.delta.stop_sequence;
        if (event.usage) out.push({ type: 'usage', usage: mapAnthropicUsage(event.usage) });
        return;
      case 'message_stop':
        this.done = true;
        out.push({ type: 'finish', reason: mapAnthropicStopReason(this.stopReason), stopSequence: this.stopSequence ?? undefined });
        return;
      case 'ping':
        return;
      case 'error':
        this.done = true;
        out.push({ type: 'error', error: mapAnthropicErrorType(event.error.type, event.error.message) });
        return;
      default: {
        const unreachable: never = event;
        throw new InternalError(`Unhandled event ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** The upstream ended: cut after message_delta but before message_stop, the answer is complete enough to finish. */
  end(out: StreamEvent[]): void {
    if (this.done || this.stopReason === undefined) return;
    this.done = true;
    out.push({ type: 'finish', reason: mapAnthropicStopReason(this.stopReason), stopSequence: this.stopSequence ?? undefined });
  }

  private textDelta(index: number, text: string, out: StreamEvent[]): void {
    const block = this.blocks.get(index);
    if (block?.kind === 'text') out.push({ type: 'text-delta', id: block.id, delta: text });
  }

  private startBlock(index: number, contentBlock: unknown, out: StreamEvent[]): void {
    const content = readAnthropicContentBlock(contentBlock);
    if (!content) {
      this.blocks.set(index, { kind: 'ignored' });
      return;
    }
    switch (content.type) {
      case 'text':
        this.blocks.set(index, { kind: 'text', id: `text-${index}` });
        out.push({ type: 'text-start', id: `text-${index}` });
        if (content.text) out.push({ type: 'text-delta', id: `text-${index}`, delta: content.text });
        return;
      case 'thinking':
        this.blocks.set(index, { kind: 'reasoning', id: `reasoning-${index}` });
        out.push({ type: 'reasoning-start', id: `reasoning-${index}` });
        if (content.thinking) out.push({ type: 'reasoning-delta', id: `reasoning-${index}`, delta: content.thinking });
        if (content.signature) out.push({ type: 'reasoning-signature', id: `reasoning-${index}`, signature: content.signature });
        return;
      case 'redacted_thinking':
        this.blocks.set(index, { kind: 'ignored' });
        out.push({ type: 'redacted-reasoning', id: `redacted-${index}`, data: content.data });
        return;
      case 'tool_use':
        this.blocks.set(index, { kind: 'tool', id: content.id });
        out.push({ type: 'tool-input-start', id: content.id, name: content.name });
        if (content.input && typeof content.input === 'object' && Object.keys(content.input).length > 0) {
          out.push({ type: 'tool-input-delta', id: content.id, delta: JSON.stringify(content.input) });
        }
        return;
      case 'server_tool_use':
        this.blocks.set(index, { kind: 'ignored' });
        return;
      default: {
        const unreachable: never = content;
        throw new InternalError(`Unhandled block ${JSON.stringify(unreachable)}`);
      }
    }
  }
}

/** The decoder over a stream of SSE events (see AnthropicStreamDecoder). */
export async function* decodeAnthropicStream(events: AsyncIterable<SseEvent>): AsyncGenerator<StreamEvent> {
  const decoder = new AnthropicStreamDecoder();
  const out: StreamEvent[] = [];
  for await (const sse of events) {
    decoder.decode(sse, out);
    for (const event of out) yield event;
    out.length = 0;
    if (decoder.done) return;
  }
  decoder.end(out);
  yield* out;
}
