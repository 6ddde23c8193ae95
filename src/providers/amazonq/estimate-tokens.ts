import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import type { ChatRequest } from '../../core/chat-request.js';

/** Output tokens of generated text (o200k_base is close enough to Claude's tokenizer for accounting). */
export function countOutputTokens(text: string): number {
  return text.length === 0 ? 0 : countTokens(text);
}

/**
 * Input tokens of a request when the upstream reports neither token usage nor context usage.
 * A plain characters/4 estimate over everything sent (system, messages, tool schemas); the one
 * place to swap in the shared request tokenizer.
 */
export function estimateInputTokensByCharacters(request: ChatRequest): number {
  let characters = 0;
  for (const part of request.system) characters += part.text.length;
  for (const message of request.messages) characters += JSON.stringify(message.content).length;
  for (const tool of request.tools) characters += tool.name.length + (tool.description?.length ?? 0) + JSON.stringify(tool.inputSchema).length;
  return Math.ceil(characters / 4);
}
