import { randomUUID } from 'node:crypto';
import type { FinishReason } from '../../core/finish-reason.js';
import type { StreamEvent } from '../../core/stream-event.js';
import type { SseEvent } from '../../streaming/sse-event-reader.js';
import { mapOpenAIFinishReason } from '../../formats/openai/map-openai-finish-reason.js';
import { readDecodedSseStream } from '../http/read-decoded-sse-stream.js';
import { mapOpenAIStreamError } from './map-openai-stream-error.js';
import { mapOpenAIUsage } from './map-openai-usage.js';
import { openAIChunkSchema, type OpenAIChunk } from './openai-stream-schema.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

interface ToolCallState {
  id?: string;
  name?: string;
  /** Argument fragments that arrived before the id and name were known. */
  pending: string;
  started: boolean;
  ended: boolean;
}

/**
 * Chat Completions chunks → canonical events, one chunk at a time and without waiting: each call
 * appends its events to `out`. Text and reasoning (`reasoning_content`, or `reasoning` as some
 * compatible servers name it) are one block each at a time, closed when the other kind starts.
 * Tool calls are tracked by their OpenAI index; argument fragments that arrive before the name are
 * buffered and replayed after `tool-input-start`. The finish is held until `end` (`[DONE]` or the
 * end of the body) because the usage chunk follows the finish_reason chunk.
 */
export class OpenAIStreamDecoder {
  /** Set after `[DONE]` or an error chunk: the stream is over. */
  done = false;
  private started = false;
  private open: { kind: 'text' | 'reasoning'; id: string } | undefined;
  private blockCount = 0;
  private readonly tools = new Map<number, ToolCallState>();
  private finish: FinishReason | undefined;

  /** One SSE event: `[DONE]`, or a chunk as JSON (anything else is skipped). */
  decode(sse: SseEvent, out: StreamEvent[]): void {
    if (sse.data.trim() === '[DONE]') {
      this.done = true;
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(sse.data);
    } catch {
      return;
    }
    const parsed = openAIChunkSchema.safeParse(json);
    if (parsed.success) this.decodeChunk(parsed.data, out);
  }

  /** One chunk (an SSE event's data, or a whole answer read as one chunk: see decodeOpenAIChatCompletion). */
  decodeChunk(chunk: OpenAIChunk, out: StreamEvent[]): void {
    if (chunk.error) {
      out.push({ type: 'error', error: mapOpenAIStreamError(chunk.error) });
      this.finish = undefined;
      this.done = true;
      return;
    }
    if (!this.started) {
      this.started = true;
      out.push({ type: 'message-start', id: chunk.id });
    }
    const choice = chunk.choices?.find((item) => (item.index ?? 0) === 0);
    const delta = choice?.delta;
    const reasoning = delta?.reasoning_content ?? delta?.reasoning;
    if (reasoning) this.appendText('reasoning', reasoning, out);
    if (delta?.content) this.appendText('text', delta.content, out);
    // A refusal is the model's answer in another field; clients see it as text.
    if (delta?.refusal) this.appendText('text', delta.refusal, out);
    for (const call of delta?.tool_calls ?? []) {
      const index = call.index ?? 0;
      let tool = this.tools.get(index);
      if (!tool) {
        tool = { pending: '', started: false, ended: false };
        this.tools.set(index, tool);
      }
      if (call.id && !tool.started) tool.id = call.id;
      if (call.function?.name && !tool.started) tool.name = call.function.name;
      const fragment = call.function?.arguments ?? '';
      if (!tool.started && tool.name) this.startTool(index, tool, out);
      if (fragment === '' || tool.ended) continue;
      if (tool.started) out.push({ type: 'tool-input-delta', id: tool.id as string, delta: fragment });
      else tool.pending += fragment;
    }
    if (choice?.finish_reason) {
      this.finish = mapOpenAIFinishReason(choice.finish_reason);
      this.closeOpen(out);
      this.closeTools(out);
    }
    if (chunk.usage) out.push({ type: 'usage', usage: mapOpenAIUsage(chunk.usage) });
  }

  /** The stream is over: the finish goes out, if a finish_reason came (and no error). */
  end(out: StreamEvent[]): void {
    this.done = true;
    if (this.finish === undefined) return;
    this.closeOpen(out);
    this.closeTools(out);
    const madeToolCalls = [...this.tools.values()].some((tool) => tool.started);
    out.push({ type: 'finish', reason: this.finish === 'stop' && madeToolCalls ? 'tool-calls' : this.finish });
    this.finish = undefined;
  }

  private closeOpen(out: StreamEvent[]): void {
    if (this.open) out.push(this.open.kind === 'text' ? { type: 'text-end', id: this.open.id } : { type: 'reasoning-end', id: this.open.id });
    this.open = undefined;
  }

  private closeTools(out: StreamEvent[]): void {
    for (const [index, tool] of this.tools) {
      if (!tool.started && tool.name) this.startTool(index, tool, out);
      if (tool.started && !tool.ended) out.push({ type: 'tool-input-end', id: tool.id as string });
      tool.ended = true;
    }
  }

  private startTool(index: number, tool: ToolCallState, out: StreamEvent[]): void {
    this.closeOpen(out);
    tool.id ??= `call_${index}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    tool.started = true;
    out.push({ type: 'tool-input-start', id: tool.id, name: tool.name as string });
    if (tool.pending !== '') out.push({ type: 'tool-input-delta', id: tool.id, delta: tool.pending });
    tool.pending = '';
  }

  private appendText(kind: 'text' | 'reasoning', delta: string, out: StreamEvent[]): void {
    if (this.open?.kind !== kind) {
      this.closeOpen(out);
      this.open = { kind, id: `${kind}-${this.blockCount++}` };
      out.push(kind === 'text' ? { type: 'text-start', id: this.open.id } : { type: 'reasoning-start', id: this.open.id });
    }
    out.push(kind === 'text' ? { type: 'text-delta', id: this.open.id, delta } : { type: 'reasoning-delta', id: this.open.id, delta });
  }
}

/**
 * A Chat Completions SSE body → canonical events in contract order, a body chunk's events at a time
 * (see readDecodedSseStream). `open` makes the upstream call on the first read; what it throws (an
 * HTTP error) is thrown as it is.
 */
export function readOpenAIStream(open: () => Promise<AsyncIterable<Uint8Array | string>>, signal: CancelSignal): AsyncIterable<StreamEvent> {
  return readDecodedSseStream(open, signal, () => new OpenAIStreamDecoder());
}
