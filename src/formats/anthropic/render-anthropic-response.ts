import type { ChatResult, ResultPart } from '../../core/chat-result.js';
import { InternalError } from '../../core/errors/internal-error.js';
import { createResponseId } from '../create-response-id.js';
import { toAnthropicStopReason, type AnthropicStopReason } from './map-anthropic-stop-reason.js';
import { renderAnthropicUsage, type AnthropicUsage } from './render-anthropic-usage.js';

export type AnthropicContentBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export interface AnthropicMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: AnthropicContentBlock[];
  stop_reason: AnthropicStopReason;
  stop_sequence: string | null;
  usage: AnthropicUsage;
}

/** Anthropic requires `tool_use.input` to be an object; arguments that never parsed are kept under `raw`. */
export function toolInputObject(input: unknown): Record<string, unknown> {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return input as Record<string, unknown>;
  if (typeof input === 'string') return { raw: input };
  return {};
}

function renderBlock(part: ResultPart): AnthropicContentBlock {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'reasoning':
      return { type: 'thinking', thinking: part.text, signature: part.signature ?? '' };
    case 'redacted-reasoning':
      return { type: 'redacted_thinking', data: part.data };
    case 'tool-call':
      return { type: 'tool_use', id: part.id, name: part.name, input: toolInputObject(part.input) };
    default: {
      const unreachable: never = part;
      throw new InternalError(`Unknown result part ${JSON.stringify(unreachable)}`);
    }
  }
}

/** A whole canonical answer as an Anthropic Messages response body. */
export function renderAnthropicResponse(result: ChatResult, model: string): AnthropicMessage {
  return {
    id: result.id !== '' ? result.id : createResponseId('msg_'),
    type: 'message',
    role: 'assistant',
    model,
    content: result.content.map(renderBlock),
    stop_reason: toAnthropicStopReason(result.finishReason),
    stop_sequence: result.stopSequence ?? null,
    usage: renderAnthropicUsage(result.usage),
  };
}
