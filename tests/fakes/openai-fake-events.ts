import type { SseFrame } from './anthropic-fake-events.js';
import { chunk } from './anthropic-fake-events.js';
import type { OpenAIFakeScenario, OpenAIFakeUsage } from './openai-fake-scenario.js';

type Reply = Extract<OpenAIFakeScenario, { kind: 'reply' }>;

const defaultUsage: OpenAIFakeUsage = { prompt_tokens: 20, completion_tokens: 9 };

export function openAIUsageObject(usage: OpenAIFakeUsage | undefined): Record<string, unknown> {
  const value = usage ?? defaultUsage;
  return {
    prompt_tokens: value.prompt_tokens,
    completion_tokens: value.completion_tokens,
    total_tokens: value.prompt_tokens + value.completion_tokens,
    prompt_tokens_details: { cached_tokens: value.cached_tokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: value.reasoning_tokens ?? 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    ...(value.credits === undefined ? {} : { credits: value.credits }),
  };
}

/** A tool call's arguments on the Chat Completions wire (custom calls wrapped as `{"input": …}`). */
const chatArguments = (part: { arguments: string; custom?: boolean }): string => (part.custom ? JSON.stringify({ input: part.arguments }) : part.arguments);

const finishReasonOf = (reply: Reply) => reply.finishReason ?? (reply.parts.some((part) => part.type === 'tool_call') ? 'tool_calls' : 'stop');

/** The `chat.completion.chunk` events of a streamed reply, as documented, ending with `[DONE]`. */
export function openAIReplyFrames(reply: Reply, model: string, id: string, includeUsage: boolean): SseFrame[] {
  const created = Math.floor(Date.now() / 1000);
  const frame = (delta: Record<string, unknown>, finishReason: string | null = null): SseFrame => ({
    event: 'chunk',
    data: {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      system_fingerprint: 'fp_fake',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(includeUsage ? { usage: null } : {}),
    },
  });
  const frames: SseFrame[] = [frame({ role: 'assistant', content: '', refusal: null })];
  let toolIndex = 0;
  for (const part of reply.parts) {
    switch (part.type) {
      case 'text':
        frames.push(...chunk(part.text, 8).map((content) => frame({ content })));
        break;
      case 'reasoning':
        frames.push(...chunk(part.text, 8).map((text) => frame({ reasoning_content: text })));
        break;
      case 'tool_call': {
        const index = toolIndex++;
        const pieces = chunk(chatArguments(part), 10);
        if (reply.argumentsBeforeName && pieces.length > 0) {
          frames.push(frame({ tool_calls: [{ index, function: { arguments: pieces.shift() } }] }));
        }
        frames.push(frame({ tool_calls: [{ index, id: part.id, type: 'function', function: { name: part.name, arguments: '' } }] }));
        frames.push(...pieces.map((piece) => frame({ tool_calls: [{ index, function: { arguments: piece } }] })));
        break;
      }
      default: {
        const unreachable: never = part;
        return unreachable;
      }
    }
  }
  frames.push(frame({}, finishReasonOf(reply)));
  if (includeUsage) {
    frames.push({
      event: 'chunk',
      data: { id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices: [], usage: openAIUsageObject(reply.usage) },
    });
  }
  frames.push({ event: 'done', data: '[DONE]' });
  return frames;
}

/** The `chat.completion` object of a non-streaming reply. */
export function openAIReplyJson(reply: Reply, model: string, id: string): unknown {
  const text = reply.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
  const reasoning = reply.parts.flatMap((part) => (part.type === 'reasoning' ? [part.text] : [])).join('');
  const toolCalls = reply.parts.flatMap((part) =>
    part.type === 'tool_call' ? [{ id: part.id, type: 'function', function: { name: part.name, arguments: chatArguments(part) } }] : [],
  );
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: 'fp_fake',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text === '' && toolCalls.length > 0 ? null : text,
          refusal: null,
          ...(reasoning === '' ? {} : { reasoning_content: reasoning }),
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: finishReasonOf(reply),
      },
    ],
    usage: openAIUsageObject(reply.usage),
  };
}
