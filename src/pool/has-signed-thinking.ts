import type { ChatRequest } from '../core/chat-request.js';

/** Whether the conversation carries signed or redacted reasoning that only its account can verify. */
export function hasSignedThinking(request: ChatRequest): boolean {
  return request.messages.some(
    (message) =>
      message.role === 'assistant' &&
      message.content.some((part) => (part.type === 'reasoning' && Boolean(part.signature)) || part.type === 'redacted-reasoning'),
  );
}
