import type { ChatRequest } from '../core/chat-request.js';

/** Does the conversation replay signed thinking, which only the account that signed it can verify? */
export const hasSignedThinking = (request: ChatRequest): boolean =>
  request.messages.some(
    (message) =>
      message.role === 'assistant' &&
      message.content.some((part) => (part.type === 'reasoning' && Boolean(part.signature)) || part.type === 'redacted-reasoning'),
  );
