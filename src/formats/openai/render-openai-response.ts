import type { ChatResult } from '../../core/chat-result.js';
import { InternalError } from '../../core/errors/internal-error.js';
import { createResponseId } from '../create-response-id.js';
import { toOpenAIFinishReason, type OpenAIFinishReason } from './map-openai-finish-reason.js';
import { renderOpenAIUsage, type OpenAIUsage } from './render-openai-usage.js';

export interface OpenAIToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface OpenAIChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: Array<{
    index: 0;
    message: {
      role: 'assistant';
      content: string | null;
      refusal: null;
      tool_calls?: OpenAIToolCall[];
      reasoning_content?: string;
    };
    logprobs: null;
    finish_reason: Exclude<OpenAIFinishReason, 'function_call'>;
  }>;
  usage: OpenAIUsage;
}

/** Tool arguments as OpenAI sends them: the raw JSON text when we have it, else the input re-serialised. */
export function toolArgumentsText(rawInput: string, input: unknown): string {
  if (rawInput.trim() !== '') return rawInput;
  return typeof input === 'string' ? input : JSON.stringify(input ?? {});
}

/** A whole canonical answer as an OpenAI Chat Completions response body. */
export function renderOpenAIResponse(
  result: ChatResult,
  model: string,
  created: number = Math.floor(Date.now() / 1000),
): OpenAIChatCompletion {
  let text = '';
  let reasoning = '';
  let hasText = false;
  let hasReasoning = false;
  const toolCalls: OpenAIToolCall[] = [];
  for (const part of result.content) {
    switch (part.type) {
      case 'text':
        text += part.text;
        hasText = true;
        break;
      case 'reasoning':
        reasoning += part.text;
        hasReasoning = true;
        break;
      case 'redacted-reasoning':
        break;
      case 'tool-call':
        toolCalls.push({
          id: part.id,
          type: 'function',
          function: { name: part.name, arguments: toolArgumentsText(part.rawInput, part.input) },
        });
        break;
      default: {
        const unreachable: never = part;
        throw new InternalError(`Unknown result part ${JSON.stringify(unreachable)}`);
      }
    }
  }
  const message: OpenAIChatCompletion['choices'][0]['message'] = {
    role: 'assistant',
    content: hasText || toolCalls.length === 0 ? text : null,
    refusal: null,
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (hasReasoning) message.reasoning_content = reasoning;
  return {
    id: result.id !== '' ? result.id : createResponseId('chatcmpl-'),
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: toOpenAIFinishReason(result.finishReason) }],
    usage: renderOpenAIUsage(result.usage),
  };
}
