import type { AnthropicFakeBlock, AnthropicFakeScenario, AnthropicFakeUsage } from './anthropic-fake-scenario.js';

type Reply = Extract<AnthropicFakeScenario, { kind: 'reply' }>;
export interface SseFrame {
  event: string;
  data: unknown;
}

/** Splits a string into pieces of at most `size` characters, as the real API streams deltas. */
export const chunk = (text: string, size: number): string[] => {
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += size) pieces.push(text.slice(index, index + size));
  return pieces;
};

function blockFrames(block: AnthropicFakeBlock, index: number): SseFrame[] {
  const delta = (value: unknown): SseFrame => ({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: value } });
  const start = (contentBlock: unknown): SseFrame => ({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: contentBlock } });
  const stop: SseFrame = { event: 'content_block_stop', data: { type: 'content_block_stop', index } };
  switch (block.type) {
    case 'text':
      return [start({ type: 'text', text: '' }), ...chunk(block.text, 8).map((text) => delta({ type: 'text_delta', text })), stop];
    case 'thinking':
      return [
        start({ type: 'thinking', thinking: '', signature: '' }),
        ...chunk(block.thinking, 12).map((thinking) => delta({ type: 'thinking_delta', thinking })),
        delta({ type: 'signature_delta', signature: block.signature }),
        stop,
      ];
    case 'redacted_thinking':
      return [start({ type: 'redacted_thinking', data: block.data }), stop];
    case 'tool_use':
      return [
        start({ type: 'tool_use', id: block.id, name: block.name, input: {} }),
        delta({ type: 'input_json_delta', partial_json: '' }),
        ...chunk(JSON.stringify(block.input), 10).map((partial) => delta({ type: 'input_json_delta', partial_json: partial })),
        stop,
      ];
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
}

const defaultUsage: AnthropicFakeUsage = { input_tokens: 25, output_tokens: 12 };

/** The SSE events the Messages API sends for a reply, in the documented order. */
export function anthropicReplyFrames(reply: Reply, model: string, id: string): SseFrame[] {
  const usage = reply.usage ?? defaultUsage;
  const { output_tokens: outputTokens, credits, ...inputUsage } = usage;
  const frames: SseFrame[] = [
    {
      event: 'message_start',
      data: {
        type: 'message_start',
        message: { id, type: 'message', role: 'assistant', content: [], model, stop_reason: null, stop_sequence: null, usage: { ...inputUsage, output_tokens: 1 } },
      },
    },
    { event: 'ping', data: { type: 'ping' } },
  ];
  reply.content.forEach((block, index) => frames.push(...blockFrames(block, index)));
  const stopReason = reply.stopReason ?? (reply.content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn');
  frames.push({
    event: 'message_delta',
    data: {
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: reply.stopSequence ?? null },
      usage: { output_tokens: outputTokens, ...(credits === undefined ? {} : { credits }) },
    },
  });
  frames.push({ event: 'message_stop', data: { type: 'message_stop' } });
  return frames;
}

/** The JSON body of a non-streaming reply. */
export function anthropicReplyJson(reply: Reply, model: string, id: string): unknown {
  const stopReason = reply.stopReason ?? (reply.content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn');
  return {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: reply.content,
    stop_reason: stopReason,
    stop_sequence: reply.stopSequence ?? null,
    usage: reply.usage ?? defaultUsage,
  };
}
