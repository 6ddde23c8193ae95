import type { SseFrame } from './anthropic-fake-events.js';
import { chunk } from './anthropic-fake-events.js';
import type { OpenAIFakeScenario, OpenAIFakeUsage } from './openai-fake-scenario.js';

/** The same scripted replies as the Chat fake, in OpenAI's Responses wire format (`POST /v1/responses`). */

type Reply = Extract<OpenAIFakeScenario, { kind: 'reply' }>;

const defaultUsage: OpenAIFakeUsage = { prompt_tokens: 20, completion_tokens: 9 };

export function responsesUsageObject(usage: OpenAIFakeUsage | undefined): Record<string, unknown> {
  const value = usage ?? defaultUsage;
  return {
    input_tokens: value.prompt_tokens,
    input_tokens_details: { cached_tokens: value.cached_tokens ?? 0 },
    output_tokens: value.completion_tokens,
    output_tokens_details: { reasoning_tokens: value.reasoning_tokens ?? 0 },
    total_tokens: value.prompt_tokens + value.completion_tokens,
  };
}

const statusOf = (reply: Reply) => (reply.finishReason === 'length' || reply.finishReason === 'content_filter' ? 'incomplete' : 'completed');

function responseObject(reply: Reply, model: string, id: string, body: Record<string, unknown>, output: unknown[], final: boolean): Record<string, unknown> {
  const status = final ? statusOf(reply) : 'in_progress';
  return {
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status,
    error: null,
    incomplete_details: status === 'incomplete' ? { reason: reply.finishReason === 'length' ? 'max_output_tokens' : 'content_filter' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage: final ? responsesUsageObject(reply.usage) : null,
    user: null,
    metadata: {},
  };
}

/** Each scripted part as its finished output item. */
function outputItems(reply: Reply, id: string): Array<Record<string, unknown>> {
  return reply.parts.map((part, index) => {
    switch (part.type) {
      case 'text':
        return { type: 'message', id: `msg_${id}_${index}`, role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: part.text, annotations: [], logprobs: [] }] };
      case 'reasoning':
        return { type: 'reasoning', id: `rs_${id}_${index}`, summary: [{ type: 'summary_text', text: part.text }], encrypted_content: `enc_${id}_${index}` };
      case 'tool_call':
        return part.custom
          ? { type: 'custom_tool_call', id: `ctc_${id}_${index}`, call_id: part.id, name: part.name, input: part.arguments }
          : { type: 'function_call', id: `fc_${id}_${index}`, call_id: part.id, name: part.name, arguments: part.arguments, status: 'completed' };
      default: {
        const unreachable: never = part;
        return unreachable;
      }
    }
  });
}

/** The documented event sequence of a streamed reply, with sequence numbers. */
export function responsesReplyFrames(reply: Reply, model: string, id: string, body: Record<string, unknown>): SseFrame[] {
  const frames: SseFrame[] = [];
  const push = (type: string, data: Record<string, unknown>) => frames.push({ event: type, data: { type, sequence_number: frames.length, ...data } });
  const items = outputItems(reply, id);
  push('response.created', { response: responseObject(reply, model, id, body, [], false) });
  push('response.in_progress', { response: responseObject(reply, model, id, body, [], false) });
  reply.parts.forEach((part, outputIndex) => {
    const item = items[outputIndex]!;
    const base = { item_id: item.id, output_index: outputIndex };
    switch (part.type) {
      case 'text': {
        push('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', content: [] } });
        const empty = { type: 'output_text', text: '', annotations: [], logprobs: [] };
        push('response.content_part.added', { ...base, content_index: 0, part: empty });
        for (const delta of chunk(part.text, 8)) push('response.output_text.delta', { ...base, content_index: 0, delta, logprobs: [] });
        push('response.output_text.done', { ...base, content_index: 0, text: part.text, logprobs: [] });
        push('response.content_part.done', { ...base, content_index: 0, part: { ...empty, text: part.text } });
        break;
      }
      case 'reasoning':
        push('response.output_item.added', { output_index: outputIndex, item: { ...item, summary: [] } });
        push('response.reasoning_summary_part.added', { ...base, summary_index: 0, part: { type: 'summary_text', text: '' } });
        for (const delta of chunk(part.text, 8)) push('response.reasoning_summary_text.delta', { ...base, summary_index: 0, delta });
        push('response.reasoning_summary_text.done', { ...base, summary_index: 0, text: part.text });
        push('response.reasoning_summary_part.done', { ...base, summary_index: 0, part: { type: 'summary_text', text: part.text } });
        break;
      case 'tool_call':
        if (part.custom) {
          push('response.output_item.added', { output_index: outputIndex, item: { ...item, input: '' } });
          for (const delta of chunk(part.arguments, 10)) push('response.custom_tool_call_input.delta', { ...base, delta });
          push('response.custom_tool_call_input.done', { ...base, input: part.arguments });
          break;
        }
        push('response.output_item.added', { output_index: outputIndex, item: { ...item, arguments: '', status: 'in_progress' } });
        for (const delta of chunk(part.arguments, 10)) push('response.function_call_arguments.delta', { ...base, delta });
        push('response.function_call_arguments.done', { ...base, name: part.name, arguments: part.arguments });
        break;
      default: {
        const unreachable: never = part;
        return unreachable;
      }
    }
    push('response.output_item.done', { output_index: outputIndex, item });
  });
  const final = responseObject(reply, model, id, body, items, true);
  push(final.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: final });
  return frames;
}

/** The Response object of a non-streaming reply. */
export function responsesReplyJson(reply: Reply, model: string, id: string, body: Record<string, unknown>): unknown {
  return responseObject(reply, model, id, body, outputItems(reply, id), true);
}
