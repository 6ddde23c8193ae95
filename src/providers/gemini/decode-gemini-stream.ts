import { randomUUID } from 'node:crypto';
import type { FinishReason } from '../../core/finish-reason.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { mapGeminiFinishReason } from '../../formats/gemini/map-gemini-finish-reason.js';
import type { SseEvent } from '../../streaming/sse-event-reader.js';
import { readDecodedSseStream, type SseStreamDecoder } from '../http/read-decoded-sse-stream.js';
import { inContractOrder } from '../http/stream-contract.js';
import { classifyGeminiStreamError } from './classify-gemini-error.js';
import { geminiChunkSchema } from './gemini-stream-schema.js';
import { mapGeminiUsage } from './map-gemini-usage.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

/**
 * Gemini answers (`GenerateContentResponse`, streamed or whole) → canonical events. Text and thoughts
 * are one block each at a time; a function call arrives whole and becomes a complete tool-input
 * block. A thought signature that comes with a function call is kept as the signature of a
 * reasoning block before it, so that it can go back with the call on the next turn.
 */
export class GeminiStreamDecoder implements SseStreamDecoder {
  done = false;
  private started = false;
  private open: { kind: 'text' | 'reasoning'; id: string } | undefined;
  private blockCount = 0;
  private madeCalls = false;
  private finish: FinishReason | undefined;

  decode(sse: SseEvent, out: StreamEvent[]): void {
    let json: unknown;
    try {
      json = JSON.parse(sse.data);
    } catch {
      return;
    }
    this.decodeChunk(json, out);
  }

  /** One `GenerateContentResponse`: a streamed chunk, or a whole answer. Anything else is skipped. */
  decodeChunk(json: unknown, out: StreamEvent[]): void {
    const parsed = geminiChunkSchema.safeParse(json);
    if (!parsed.success) return;
    const chunk = parsed.data;
    if (chunk.error) {
      out.push({ type: 'error', error: classifyGeminiStreamError(chunk.error) });
      this.done = true;
      return;
    }
    if (!this.started) {
      this.started = true;
      out.push({ type: 'message-start', ...(chunk.responseId ? { id: chunk.responseId } : {}) });
    }
    const candidate = chunk.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) {
      if (part.functionCall) {
        const id = part.functionCall.id ?? `call_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
        if (part.thoughtSignature) {
          const reasoningId = this.openBlock('reasoning', out);
          out.push({ type: 'reasoning-signature', id: reasoningId, signature: part.thoughtSignature });
        }
        this.closeOpen(out);
        this.madeCalls = true;
        out.push(
          { type: 'tool-input-start', id, name: part.functionCall.name },
          { type: 'tool-input-delta', id, delta: JSON.stringify(part.functionCall.args ?? {}) },
          { type: 'tool-input-end', id },
        );
      } else if (typeof part.text === 'string') {
        const kind = part.thought ? 'reasoning' : 'text';
        const blockId = this.openBlock(kind, out);
        if (part.text !== '') out.push(kind === 'text' ? { type: 'text-delta', id: blockId, delta: part.text } : { type: 'reasoning-delta', id: blockId, delta: part.text });
        if (part.thoughtSignature && kind === 'reasoning') out.push({ type: 'reasoning-signature', id: blockId, signature: part.thoughtSignature });
      }
    }
    if (chunk.usageMetadata) out.push({ type: 'usage', usage: mapGeminiUsage(chunk.usageMetadata) });
    if (candidate?.finishReason) this.finish = mapGeminiFinishReason(candidate.finishReason);
    else if (chunk.promptFeedback?.blockReason) this.finish = 'content-filter';
  }

  /** No finish reason (and no error) means the stream was cut: the stream contract reports it as such. */
  end(out: StreamEvent[]): void {
    if (this.done || this.finish === undefined) return;
    this.closeOpen(out);
    out.push({ type: 'finish', reason: this.finish === 'stop' && this.madeCalls ? 'tool-calls' : this.finish });
  }

  private closeOpen(out: StreamEvent[]): void {
    if (this.open) out.push(this.open.kind === 'text' ? { type: 'text-end', id: this.open.id } : { type: 'reasoning-end', id: this.open.id });
    this.open = undefined;
  }

  private openBlock(kind: 'text' | 'reasoning', out: StreamEvent[]): string {
    if (this.open?.kind !== kind) {
      this.closeOpen(out);
      this.open = { kind, id: `${kind}-${this.blockCount++}` };
      out.push(kind === 'text' ? { type: 'text-start', id: this.open.id } : { type: 'reasoning-start', id: this.open.id });
    }
    return this.open.id;
  }
}

/**
 * A `streamGenerateContent?alt=sse` body → canonical events in contract order, a body chunk's events
 * at a time (see readDecodedSseStream). `open` makes the upstream call on the first read.
 */
export function readGeminiStream(open: () => Promise<AsyncIterable<Uint8Array | string>>, signal: CancelSignal): AsyncIterable<StreamEvent> {
  return readDecodedSseStream(open, signal, () => new GeminiStreamDecoder());
}

/** A whole `generateContent` answer → its canonical events in contract order (an error first is thrown). */
export function decodeGeminiResponse(json: Record<string, unknown>): StreamEvent[] {
  const decoder = new GeminiStreamDecoder();
  const decoded: StreamEvent[] = [];
  decoder.decodeChunk(json, decoded);
  decoder.end(decoded);
  return inContractOrder(decoded);
}
