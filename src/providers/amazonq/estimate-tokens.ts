import { countO200kTokens } from '../../tokens/count-o200k-tokens.js';
import type { ChatRequest } from '../../core/chat-request.js';

/** Output tokens of generated text (o200k_base is close enough to Claude's tokenizer for accounting). */
export function countOutputTokens(text: string): number {
  return text.length === 0 ? 0 : countO200kTokens(text);
}

/**
 * A cheap characters/4 estimate of a request's input tokens (system, messages, tool schemas), for the
 * `message-start` event before the upstream has said anything. The final usage prefers the upstream's
 * own figures and falls back to the full local tokenizer.
 */
export function estimateInputTokensByCharacters(request: ChatRequest): number {
  let characters = 0;
  for (const part of request.system) characters += part.text.length;
  for (const message of request.messages) characters += JSON.stringify(message.content).length;
  for (const tool of request.tools) characters += tool.name.length + (tool.description?.length ?? 0) + JSON.stringify(tool.inputSchema).length;
  return Math.ceil(characters / 4);
}
