import type { ChatMessage, ChatRequest, ToolResultPart } from '../core/chat-request.js';
import { countTextTokens } from './count-text-tokens.js';
import { estimateDocumentTokens } from './estimate-document-tokens.js';
import { estimateImageTokens } from './estimate-image-tokens.js';

/** Separators (3) and the role name (1) around each message, as in OpenAI's cookbook accounting for chat models. */
const tokensPerMessage = 4;
/** The assistant reply is primed with a role marker. */
const replyPrimingTokens = 3;
/**
 * Anthropic adds a tool-use system prompt whenever tools are present (pricing docs, Claude 4 models):
 * 346 tokens for tool_choice auto/none, 313 for any/tool.
 */
const toolSystemPromptTokens = { free: 346, forced: 313 };

function countToolResult(part: ToolResultPart): number {
  let total = countTextTokens(part.toolCallId);
  for (const inner of part.content) {
    if (inner.type === 'text') total += countTextTokens(inner.text);
    else if (inner.type === 'image') total += estimateImageTokens(inner.source);
    else total += estimateDocumentTokens(inner);
  }
  return total;
}

function countMessage(message: ChatMessage, countReasoning: boolean): number {
  let total = tokensPerMessage;
  for (const part of message.content) {
    switch (part.type) {
      case 'text':
        total += countTextTokens(part.text);
        break;
      case 'image':
        total += estimateImageTokens(part.source);
        break;
      case 'document':
        total += estimateDocumentTokens(part);
        break;
      case 'tool-call':
        total += countTextTokens(part.name) + countTextTokens(typeof part.input === 'string' ? part.input : JSON.stringify(part.input));
        break;
      case 'tool-result':
        total += countToolResult(part);
        break;
      case 'reasoning':
        if (countReasoning) total += countTextTokens(part.text);
        break;
      case 'redacted-reasoning':
        if (countReasoning) total += Math.ceil(part.data.length / 4);
        break;
      default: {
        const unreachable: never = part;
        return unreachable;
      }
    }
  }
  return total;
}

/**
 * The assistant turn still in progress: the last assistant message when nothing but tool results
 * follows it (a tool-use loop). Anthropic counts reasoning only there; earlier thinking is stripped.
 */
function currentAssistantTurn(messages: ChatMessage[]): number {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.role === 'assistant') return index;
    if (message?.role !== 'user' || !message.content.every((part) => part.type === 'tool-result')) return -1;
  }
  return -1;
}

/**
 * A local estimate of a request's input tokens (for `count_tokens` and pre-flight checks): system
 * prompt, messages (text, tool calls as JSON, tool results, images, documents), tool schemas and a
 * small per-message overhead, tokenised with o200k_base. As Anthropic does, reasoning is counted only
 * in the assistant turn still in progress (see `currentAssistantTurn`).
 */
export function countTokens(request: ChatRequest): number {
  let total = replyPrimingTokens;
  if (request.system.length > 0) {
    total += tokensPerMessage + request.system.reduce((sum, part) => sum + countTextTokens(part.text), 0);
  }
  const reasoningTurn = currentAssistantTurn(request.messages);
  request.messages.forEach((message, index) => {
    total += countMessage(message, index === reasoningTurn);
  });
  if (request.tools.length > 0) {
    const forced = request.toolChoice?.type === 'required' || request.toolChoice?.type === 'tool';
    total += forced ? toolSystemPromptTokens.forced : toolSystemPromptTokens.free;
    for (const tool of request.tools) {
      total += countTextTokens(JSON.stringify({ name: tool.name, description: tool.description ?? '', input_schema: tool.inputSchema }));
    }
  }
  return total;
}
