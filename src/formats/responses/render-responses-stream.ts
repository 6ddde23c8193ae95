import { InternalError } from '../../core/errors/internal-error.js';
import type { GatewayError } from '../../core/errors/gateway-error.js';
import type { FinishReason } from '../../core/finish-reason.js';
import { renderEvents, waiting, type Waiting } from '../../core/render-frames.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { emptyUsage, mergeUsage, type Usage } from '../../core/usage.js';
import { createResponseId } from '../create-response-id.js';
import { toGatewayError } from '../to-gateway-error.js';
import { parseToolInput } from '../../core/collect-stream.js';
import { buildResponseObject, responseStatusOf, type ResponseObjectInput } from './build-response-object.js';
import { rawCustomToolInput } from './custom-tool-input.js';
import type { ResponsesRequestEcho } from './parse-responses-request.js';
import {
  customToolCallItem,
  functionCallItem,
  messageItem,
  outputTextPart,
  reasoningItem,
  type CustomToolCallItem,
  type FunctionCallItem,
  type MessageItem,
  type OutputItem,
  type ReasoningItem,
} from './responses-output-item.js';

export interface RenderResponsesStreamOptions {
  model: string;
  echo: ResponsesRequestEcho;
  id?: string;
  createdAt?: number;
}

type OpenBlock =
  | { kind: 'text'; outputIndex: number; item: MessageItem; text: string }
  | { kind: 'reasoning'; outputIndex: number; item: ReasoningItem; text: string; signature?: string }
  | { kind: 'tool'; outputIndex: number; item: FunctionCallItem | CustomToolCallItem; input: string };

/**
 * Canonical events → the Responses SSE stream in OpenAI's documented order, each event with its
 * `sequence_number`: `response.created`, `response.in_progress`, then per output item `output_item.added`,
 * its content events and `output_item.done`, and last `response.completed` (or `response.incomplete`)
 * carrying the whole output, tool calls included, and the usage. A failure ends the stream with
 * `response.failed`. Custom tool input is sent as one delta when the call is complete, since the
 * canonical stream carries it JSON-encoded.
 */
export function renderResponsesStream(events: AsyncIterable<StreamEvent>, options: RenderResponsesStreamOptions): AsyncIterable<string> {
  return renderEvents(events, (live) => responsesFrames(live, options));
}

/** renderResponsesStream as a frame renderer (see core/render-frames.ts). */
export function* responsesFrames(events: Iterable<StreamEvent | Waiting>, options: RenderResponsesStreamOptions): Generator<string | Waiting, void, undefined> {
  const id = options.id ?? createResponseId('resp_');
  const createdAt = options.createdAt ?? Math.floor(Date.now() / 1000);
  const output: OutputItem[] = [];
  const open = new Map<string, OpenBlock>();
  let sequence = 0;
  let usage: Usage = emptyUsage();
  let finishReason: FinishReason | undefined;

  const frame = (type: string, data: Record<string, unknown>): string =>
    `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...data })}\n\n`;
  const response = (input: Omit<ResponseObjectInput, 'id' | 'createdAt' | 'model'>) =>
    buildResponseObject({ id, createdAt, model: options.model, ...input }, options.echo);
  const addItem = (item: OutputItem): { outputIndex: number; frame: string } => {
    const outputIndex = output.length;
    output.push(item);
    return { outputIndex, frame: frame('response.output_item.added', { output_index: outputIndex, item: structuredClone(item) }) };
  };
  const itemDone = (outputIndex: number, item: OutputItem): string => {
    output[outputIndex] = item;
    return frame('response.output_item.done', { output_index: outputIndex, item });
  };

  function* openText(blockId: string): Generator<string, Extract<OpenBlock, { kind: 'text' }>> {
    const item = messageItem(undefined, 'in_progress');
    const added = addItem(item);
    const block = { kind: 'text' as const, outputIndex: added.outputIndex, item, text: '' };
    open.set(blockId, block);
    yield added.frame;
    yield frame('response.content_part.added', { item_id: item.id, output_index: block.outputIndex, content_index: 0, part: outputTextPart('') });
    return block;
  }

  function* openReasoning(blockId: string): Generator<string, Extract<OpenBlock, { kind: 'reasoning' }>> {
    const item = { ...reasoningItem(undefined, undefined), status: 'in_progress' as const };
    const added = addItem(item);
    const block = { kind: 'reasoning' as const, outputIndex: added.outputIndex, item, text: '' };
    open.set(blockId, block);
    yield added.frame;
    yield frame('response.reasoning_summary_part.added', {
      item_id: item.id,
      output_index: block.outputIndex,
      summary_index: 0,
      part: { type: 'summary_text', text: '' },
    });
    return block;
  }

  function* close(blockId: string): Generator<string> {
    const block = open.get(blockId);
    if (!block) return;
    open.delete(blockId);
    const base = { item_id: block.item.id, output_index: block.outputIndex };
    switch (block.kind) {
      case 'text': {
        const part = outputTextPart(block.text);
        yield frame('response.output_text.done', { ...base, content_index: 0, text: block.text, logprobs: [] });
        yield frame('response.content_part.done', { ...base, content_index: 0, part });
        yield itemDone(block.outputIndex, { ...block.item, status: 'completed', content: [part] });
        return;
      }
      case 'reasoning': {
        const part = { type: 'summary_text' as const, text: block.text };
        yield frame('response.reasoning_summary_text.done', { ...base, summary_index: 0, text: block.text });
        yield frame('response.reasoning_summary_part.done', { ...base, summary_index: 0, part });
        const done = reasoningItem(block.text, block.signature, block.item.id);
        yield itemDone(block.outputIndex, done);
        return;
      }
      case 'tool': {
        if (block.item.type === 'custom_tool_call') {
          const input = rawCustomToolInput(parseToolInput(block.input), block.input);
          if (input !== '') yield frame('response.custom_tool_call_input.delta', { ...base, delta: input });
          yield frame('response.custom_tool_call_input.done', { ...base, input });
          yield itemDone(block.outputIndex, customToolCallItem(block.item.call_id, block.item.name, input, block.item.id));
          return;
        }
        const args = block.input === '' ? '{}' : block.input;
        yield frame('response.function_call_arguments.done', { ...base, name: block.item.name, arguments: args });
        yield itemDone(block.outputIndex, { ...block.item, arguments: args, status: 'completed' });
        return;
      }
      default: {
        const unreachable: never = block;
        throw new InternalError(`Unknown block ${JSON.stringify(unreachable)}`);
      }
    }
  }

  const failed = (error: GatewayError): string =>
    frame('response.failed', { response: response({ status: 'failed', output: output.filter((item) => item.status !== 'in_progress'), usage, error }) });

  yield frame('response.created', { response: response({ status: 'in_progress', output: [] }) });
  yield frame('response.in_progress', { response: response({ status: 'in_progress', output: [] }) });
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
        case 'text-start':
          if (!open.has(event.id)) yield* openText(event.id);
          break;
        case 'text-delta': {
          const block = open.get(event.id) ?? (yield* openText(event.id));
          if (block.kind !== 'text' || event.delta === '') break;
          block.text += event.delta;
          yield frame('response.output_text.delta', { item_id: block.item.id, output_index: block.outputIndex, content_index: 0, delta: event.delta, logprobs: [] });
          break;
        }
        case 'reasoning-start':
          if (!open.has(event.id)) yield* openReasoning(event.id);
          break;
        case 'reasoning-delta': {
          const block = open.get(event.id) ?? (yield* openReasoning(event.id));
          if (block.kind !== 'reasoning' || event.delta === '') break;
          block.text += event.delta;
          yield frame('response.reasoning_summary_text.delta', { item_id: block.item.id, output_index: block.outputIndex, summary_index: 0, delta: event.delta });
          break;
        }
        case 'reasoning-signature': {
          const block = open.get(event.id);
          if (block?.kind === 'reasoning') block.signature = event.signature;
          break;
        }
        case 'redacted-reasoning': {
          const item = reasoningItem(undefined, event.data);
          const added = addItem(item);
          yield added.frame;
          yield itemDone(added.outputIndex, item);
          break;
        }
        case 'tool-input-start': {
          const custom = options.echo.customToolNames.has(event.name);
          const item = custom ? { ...customToolCallItem(event.id, event.name, ''), status: 'in_progress' as const } : functionCallItem(event.id, event.name, '', 'in_progress');
          const added = addItem(item);
          open.set(event.id, { kind: 'tool', outputIndex: added.outputIndex, item, input: '' });
          yield added.frame;
          break;
        }
        case 'tool-input-delta': {
          const block = open.get(event.id);
          if (block?.kind !== 'tool' || event.delta === '') break;
          block.input += event.delta;
          if (block.item.type === 'function_call') {
            yield frame('response.function_call_arguments.delta', { item_id: block.item.id, output_index: block.outputIndex, delta: event.delta });
          }
          break;
        }
        case 'text-end':
        case 'reasoning-end':
        case 'tool-input-end':
          yield* close(event.id);
          break;
        case 'usage':
          usage = mergeUsage(usage, event.usage);
          break;
        case 'finish':
          finishReason = event.reason;
          break;
        case 'error':
          yield failed(event.error);
          return;
        default: {
          const unreachable: never = event;
          throw new InternalError(`Unknown stream event ${JSON.stringify(unreachable)}`);
        }
      }
    }
  } catch (error) {
    yield failed(toGatewayError(error));
    return;
  }

  for (const blockId of [...open.keys()]) yield* close(blockId);
  const { status, incompleteReason } = responseStatusOf(finishReason ?? 'stop');
  const final = response({ status, output, usage, ...(incompleteReason ? { incompleteReason } : {}) });
  yield frame(status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: final });
}
