import { hash } from 'node:crypto';
import type { ChatRequest } from '../core/chat-request.js';

/** Requests whose prefix is at least this long (in JSON characters) are pinned even without cache_control. */
export const longPrefixCharacters = 8_000;

/**
 * A hash of what a prompt cache would hold: system, tools and the first message. Only for requests
 * that use cache_control or are long; otherwise undefined (short one-off requests are not pinned).
 */
export function hashCachedPrefix(request: ChatRequest): string | undefined {
  const prefix = JSON.stringify({ system: request.system, tools: request.tools, first: request.messages[0] ?? null });
  if (!usesCacheControl(request) && prefix.length < longPrefixCharacters) return undefined;
  return hash('sha256', `${request.model}\n${prefix}`, 'base64url').slice(0, 32);
}

function usesCacheControl(request: ChatRequest): boolean {
  if (request.system.some((part) => part.cacheControl)) return true;
  if (request.tools.some((tool) => tool.cacheControl)) return true;
  return request.messages.some((message) => message.content.some((part) => 'cacheControl' in part && part.cacheControl));
}
