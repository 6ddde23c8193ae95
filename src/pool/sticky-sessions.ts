import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PoolState } from './state/pool-state.js';

export interface SessionKeyInput {
  /** Anthropic `metadata.user_id`. */
  metadataUserId?: string;
  /** Client headers; names are matched case-insensitively. */
  headers: Readonly<Record<string, string | undefined>>;
  /** OpenAI `prompt_cache_key`. */
  promptCacheKey?: string;
}

const claudeCodeUserIdSchema = z.looseObject({ session_id: z.string().min(1) });
const sessionSuffixPattern = /_session_([0-9a-zA-Z-]{8,})$/;
const maxKeyPartLength = 200;
/** Keys of a session its client named by id (Claude Code's): the id follows this (see upstreamSessionId). */
export const namedSessionPrefix = 'session:';

/**
 * The conversation's session key, from (in order): `metadata.user_id` (Claude Code's JSON with
 * `session_id`, or `user_<hash>_account_<uuid>_session_<uuid>`, where the session uuid is used; any
 * other string as a whole), the `x-claude-code-session-id` header, `prompt_cache_key`. A Claude Code
 * session id gives the same key whichever of the first two carried it. Returns undefined when the
 * request names no session (its prefix may then stand in: see PrefixSessionKey). Pure.
 */
export function deriveSessionKey(input: SessionKeyInput): string | undefined {
  const userId = input.metadataUserId?.trim();
  if (userId) {
    const sessionId = sessionIdFromUserId(userId);
    return sessionId ? `${namedSessionPrefix}${bounded(sessionId)}` : `user:${bounded(userId)}`;
  }
  const header = headerValue(input.headers, 'x-claude-code-session-id')?.trim();
  if (header) return `${namedSessionPrefix}${bounded(header)}`;
  const cacheKey = input.promptCacheKey?.trim();
  if (cacheKey) return `cache:${bounded(cacheKey)}`;
  return undefined;
}

/** The session key of a request its client named no session for, from the hash of its prompt's prefix (see PrefixSessionKey). */
export function prefixSessionKey(prefixHash: string | undefined): string | undefined {
  const prefix = prefixHash?.trim();
  return prefix ? `prefix:${bounded(prefix)}` : undefined;
}

function sessionIdFromUserId(userId: string): string | undefined {
  if (userId.startsWith('{')) {
    try {
      const parsed = claudeCodeUserIdSchema.safeParse(JSON.parse(userId));
      if (parsed.success) return parsed.data.session_id;
    } catch {
      // not JSON after all: use the string as it is
    }
  }
  return sessionSuffixPattern.exec(userId)?.[1];
}

function headerValue(headers: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  if (headers[name] !== undefined) return headers[name];
  const match = Object.keys(headers).find((key) => key.toLowerCase() === name);
  return match === undefined ? undefined : headers[match];
}

/** Long values are replaced by their hash so keys stay small. */
function bounded(value: string): string {
  return value.length <= maxKeyPartLength ? value : createHash('sha256').update(value).digest('base64url');
}

/** The session → account map, scoped per client key so two keys never share a mapping. */
export class StickySessions {
  constructor(private readonly state: PoolState) {}

  /** The session's account; with `refreshTtlMs`, a mapping found restarts its TTL in the same step. */
  async lookup(clientKeyId: string, sessionKey: string, refreshTtlMs?: number): Promise<string | null> {
    return await this.state.getSticky(scopedKey(clientKeyId, sessionKey), refreshTtlMs);
  }

  /** Maps (or re-maps) the session to the account and restarts its TTL. A TTL of 0 turns pinning off. */
  async remember(clientKeyId: string, sessionKey: string, accountId: string, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) return;
    await this.state.setSticky(scopedKey(clientKeyId, sessionKey), accountId, ttlMs);
  }

  async forget(clientKeyId: string, sessionKey: string): Promise<void> {
    await this.state.deleteSticky(scopedKey(clientKeyId, sessionKey));
  }
}

const scopedKey = (clientKeyId: string, sessionKey: string): string => `${clientKeyId}:${sessionKey}`;
