import { randomUUID } from 'node:crypto';
import type { FinishReason } from '../../core/finish-reason.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { mapGeminiFinishReason } from '../../formats/gemini/map-gemini-finish-reason.js';
import type { SseEvent } from '../../streaming/sse-event-reader.js';
import { classifyGeminiStreamError } from './classify-gemini-error.js';
import { geminiChunkSchema } from './gemini-stream-schema.js';
import { mapGeminiUsage } from './map-gemini-usage.js';

/**
 * Gemini `streamGenerateContent?alt=sse` → canonical events. Text and thoughts are one block each at
 * a time; a function call arrives whole and becomes a complete tool-input block. A thought signature
 * that comes with a function call is kept as the signature of a reasoning block before it, so that
 * it can go back with the call on the next turn.
 */
export async function* decodeGeminiStream(events: AsyncIterable<SseEvent>): AsyncGenerator<StreamEvent> {
  let started = false;
  let open: { kind: 'text' | 'reasoning'; id: string } | undefined;
  let blockCount = 0;
  let madeCalls = false;
  let finish: FinishReason | undefined;

  const closeOpen = function* (): Generator<StreamEvent> {
    if (open) yield open.kind === 'text' ? { type: 'text-end', id: open.id } : { type: 'reasoning-end', id: open.id };
    open = undefined;
  };
  const openBlock = function* (kind: 'text' | 'reasoning'): Generator<StreamEvent, string> {
    if (open?.kind !== kind) {
      yield* closeOpen();
      open = { kind, id: `${kind}-${blockCount++}` };
      yield kind === 'text' ? { type: 'text-start', id: open.id } : { type: 'reasoning-start', id: open.id };
    }
    return open.id;
  };

  for await (const sse of events) {
    let json: unknown;
    try {
      json = JSON.parse(sse.data);
    } catch {
      continue;
    }
    const parsed = geminiChunkSchema.safeParse(json);
    if (!parsed.success) continue;
    const chunk = parsed.data;
    if (chunk.error) {
      yield { type: 'error', error: classifyGeminiStreamError(chunk.error) };
      return;
    }
    if (!started) {
      started = true;
      yield { type: 'message-start', ...(chunk.responseId ? { id: chunk.responseId } : {}) };
    }
    const candidate = chunk.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) {
      if (part.functionCall) {
        const id = part.functionCall.id ?? `call_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
        if (part.thoughtSignature) {
          const reasoningId = yield* openBlock('reasoning');
          yield { type: 'reasoning-signature', id: reasoningId, signature: part.thoughtSignature };
        }
        yield* closeOpen();
        madeCalls = true;
        yield { type: 'tool-input-start', id, name: part.functionCall.name };
        yield { type: 'tool-input-delta', id, delta: JSON.stringify(part.functionCall.args ?? {}) };
        yield { type: 'tool-input-end', id };
      } else if (typeof part.text === 'string') {
        const kind = part.thought ? 'reasoning' : 'text';
        const blockId = yield* openBlock(kind);
        if (part.text !== '') yield kind === 'text' ? { type: 'text-delta', id: blockId, delta: part.text } : { type: 'reasoning-delta', id: blockId, delta: part.text };
        if (part.thoughtSignature && kind === 'reasoning') yield { type: 'reasoning-signature', id: blockId, signature: part.thoughtSignature };
      }
    }
    if (chunk.usageMetadata) yield { type: 'usage', usage: mapGeminiUsage(chunk.usageMetadata) };
    if (candidate?.finishReason) finish = mapGeminiFinishReason(candidate.finishReason);
    else if (chunk.promptFeedback?.blockReason) finish = 'content-filter';
  }
  // No finish reason means the stream was cut: the stream contract reports it as such.
  if (finish === undefined) return;
  yield* closeOpen();
  yield { type: 'finish', reason: finish === 'stop' && madeCalls ? 'tool-calls' : finish };
}
