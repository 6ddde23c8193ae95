import { randomUUID } from 'node:crypto';
import type { FinishReason } from '../../core/finish-reason.js';
import type { StreamEvent } from '../../core/stream-event.js';
import type { SseEvent } from '../../streaming/sse-event-reader.js';
import { mapOpenAIFinishReason } from '../../formats/openai/map-openai-finish-reason.js';
import { mapOpenAIStreamError } from './map-openai-stream-error.js';
import { mapOpenAIUsage } from './map-openai-usage.js';
import { openAIChunkSchema } from './openai-stream-schema.js';

interface ToolCallState {
  id?: string;
  name?: string;
  /** Argument fragments that arrived before the id and name were known. */
  pending: string;
  started: boolean;
  ended: boolean;
}

/**
 * Chat Completions SSE → canonical events. Text and reasoning (`reasoning_content`, or `reasoning`
 * as some compatible servers name it) are one block each at a time, closed when the other kind
 * starts. Tool calls are tracked by their OpenAI index; argument fragments that arrive before the
 * name are buffered and replayed after `tool-input-start`. The finish is held until `[DONE]` (or the
 * end of the body) because the usage chunk follows the finish_reason chunk.
 */
export async function* decodeOpenAIStream(events: AsyncIterable<SseEvent>): AsyncGenerator<StreamEvent> {
  let started = false;
  let open: { kind: 'text' | 'reasoning'; id: string } | undefined;
  let blockCount = 0;
  const tools = new Map<number, ToolCallState>();
  let finish: FinishReason | undefined;

  const closeOpen = function* (): Generator<StreamEvent> {
    if (open) yield open.kind === 'text' ? { type: 'text-end', id: open.id } : { type: 'reasoning-end', id: open.id };
    open = undefined;
  };
  const closeTools = function* (): Generator<StreamEvent> {
    for (const [index, tool] of tools) {
      if (!tool.started && tool.name) yield* startTool(index, tool);
      if (tool.started && !tool.ended) yield { type: 'tool-input-end', id: tool.id as string };
      tool.ended = true;
    }
  };
  const startTool = function* (index: number, tool: ToolCallState): Generator<StreamEvent> {
    yield* closeOpen();
    tool.id ??= `call_${index}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    tool.started = true;
    yield { type: 'tool-input-start', id: tool.id, name: tool.name as string };
    if (tool.pending !== '') yield { type: 'tool-input-delta', id: tool.id, delta: tool.pending };
    tool.pending = '';
  };
  const appendText = function* (kind: 'text' | 'reasoning', delta: string): Generator<StreamEvent> {
    if (open?.kind !== kind) {
      yield* closeOpen();
      open = { kind, id: `${kind}-${blockCount++}` };
      yield kind === 'text' ? { type: 'text-start', id: open.id } : { type: 'reasoning-start', id: open.id };
    }
    yield kind === 'text' ? { type: 'text-delta', id: open.id, delta } : { type: 'reasoning-delta', id: open.id, delta };
  };

  for await (const sse of events) {
    if (sse.data.trim() === '[DONE]') break;
    let json: unknown;
    try {
      json = JSON.parse(sse.data);
    } catch {
      continue;
    }
    const parsed = openAIChunkSchema.safeParse(json);
    if (!parsed.success) continue;
    const chunk = parsed.data;
    if (chunk.error) {
      yield { type: 'error', error: mapOpenAIStreamError(chunk.error) };
      return;
    }
    if (!started) {
      started = true;
      yield { type: 'message-start', id: chunk.id };
    }
    const choice = chunk.choices?.find((item) => (item.index ?? 0) === 0);
    const delta = choice?.delta;
    const reasoning = delta?.reasoning_content ?? delta?.reasoning;
    if (reasoning) yield* appendText('reasoning', reasoning);
    if (delta?.content) yield* appendText('text', delta.content);
    // A refusal is the model's answer in another field; clients see it as text.
    if (delta?.refusal) yield* appendText('text', delta.refusal);
    for (const call of delta?.tool_calls ?? []) {
      const index = call.index ?? 0;
      let tool = tools.get(index);
      if (!tool) {
        tool = { pending: '', started: false, ended: false };
        tools.set(index, tool);
      }
      if (call.id && !tool.started) tool.id = call.id;
      if (call.function?.name && !tool.started) tool.name = call.function.name;
      const fragment = call.function?.arguments ?? '';
      if (!tool.started && tool.name) yield* startTool(index, tool);
      if (fragment === '' || tool.ended) continue;
      if (tool.started) yield { type: 'tool-input-delta', id: tool.id as string, delta: fragment };
      else tool.pending += fragment;
    }
    if (choice?.finish_reason) {
      finish = mapOpenAIFinishReason(choice.finish_reason);
      yield* closeOpen();
      yield* closeTools();
    }
    if (chunk.usage) yield { type: 'usage', usage: mapOpenAIUsage(chunk.usage) };
  }
  if (finish === undefined) return;
  yield* closeOpen();
  yield* closeTools();
  const madeToolCalls = [...tools.values()].some((tool) => tool.started);
  yield { type: 'finish', reason: finish === 'stop' && madeToolCalls ? 'tool-calls' : finish };
}
