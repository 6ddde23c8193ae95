import type { ChatRequest } from '../core/chat-request.js';

/**
 * A conversation moved to another account cannot replay signed thinking: that account would reject
 * the signatures ("Invalid signature in thinking block"). These drop the signed blocks, in the
 * canonical request and in a raw Anthropic body, leaving everything else as it was.
 */
export function stripSignedThinking(request: ChatRequest): ChatRequest {
  return {
    ...request,
    messages: request.messages.map((message) =>
      message.role === 'assistant'
        ? { ...message, content: message.content.filter((part) => !(part.type === 'redacted-reasoning' || (part.type === 'reasoning' && part.signature))) }
        : message,
    ),
  };
}

export function stripSignedThinkingFromBody(body: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(body.messages)) return body;
  return {
    ...body,
    messages: body.messages.map((message: unknown) => {
      const entry = message as { role?: unknown; content?: unknown };
      if (entry.role !== 'assistant' || !Array.isArray(entry.content)) return message;
      return {
        ...entry,
        content: entry.content.filter((block: unknown) => {
          const type = (block as { type?: unknown }).type;
          return type !== 'thinking' && type !== 'redacted_thinking';
        }),
      };
    }),
  };
}
