import type { ChatRequest } from '../core/chat-request.js';
import { hashCachedPrefix } from './hash-cached-prefix.js';
import { namedSessionPrefix, prefixSessionKey } from './sticky-sessions.js';

/**
 * The session key of a request whose client named no session: a hash of its prompt's prefix (see
 * hashCachedPrefix), tens of kilobytes of JSON to render and hash for a coding agent's request. It is
 * computed when first asked for, once, and the pool asks only when it has accounts to choose between
 * (see AccountPool.acquire): with one account serving the model, there is nothing to pin.
 */
export class PrefixSessionKey {
  #request: (() => ChatRequest) | undefined;
  #key: string | undefined;

  /** @param request Reads the canonical request; let go once the key is computed. */
  constructor(request: () => ChatRequest) {
    this.#request = request;
  }

  get(): string | undefined {
    if (this.#request) {
      this.#key = prefixSessionKey(hashCachedPrefix(this.#request()));
      this.#request = undefined;
    }
    return this.#key;
  }
}

/** A request's session key: the one its client named (see deriveSessionKey), or its prefix's. */
export type SessionKey = string | PrefixSessionKey;

/** The key the pool pins by: a named one always; a prefix one only where `candidates` gives a choice. */
export function sessionKeyToPin(key: SessionKey | undefined, candidates: number): string | undefined {
  if (key === undefined || typeof key === 'string') return key;
  return candidates > 1 ? key.get() : undefined;
}

/**
 * The conversation id an upstream may be given (Amazon Q's conversationId): the client's own session
 * id where it named one (Claude Code's), never a key the gateway derived.
 */
export function upstreamSessionId(key: SessionKey | undefined): string | undefined {
  return typeof key === 'string' && key.startsWith(namedSessionPrefix) ? key.slice(namedSessionPrefix.length) : undefined;
}
