import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deriveSessionKey } from '../../../pool/sticky-sessions.js';
import type { AppEnv } from '../../app-env.js';

/** The socket's peer address; absent under `app.request()` in tests. */
export function clientIp(context: Context<AppEnv>): string | null {
  try {
    return getConnInfo(context).remote.address ?? null;
  } catch {
    return null;
  }
}

/**
 * The sticky-session key of this conversation, from the first of the signals the client sends.
 * Codex names its conversation in `prompt_cache_key` and in `session_id` / `conversation_id`
 * headers; whichever carries it gives the same key. Undefined when the client names no session: the
 * gateway then pins by the prompt's prefix, where it has accounts to choose between (see PrefixSessionKey).
 */
export function sessionKeyOf(body: Record<string, unknown>, headers: Record<string, string>): string | undefined {
  const metadata = body.metadata as { user_id?: unknown } | undefined;
  const cacheKey = typeof body.prompt_cache_key === 'string' ? body.prompt_cache_key : (headers.session_id ?? headers.conversation_id);
  return deriveSessionKey({
    metadataUserId: typeof metadata?.user_id === 'string' ? metadata.user_id : undefined,
    headers,
    promptCacheKey: cacheKey,
  });
}
