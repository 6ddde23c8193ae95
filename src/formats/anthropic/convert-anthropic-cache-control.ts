import type { CacheControl } from '../../core/chat-request.js';

/** `cache_control` → canonical; only the `ephemeral` kind exists, anything else is ignored. */
export function convertAnthropicCacheControl(
  value: { type: string; ttl?: string | null | undefined } | null | undefined,
): { cacheControl?: CacheControl } {
  if (!value || value.type !== 'ephemeral') return {};
  return { cacheControl: value.ttl ? { type: 'ephemeral', ttl: value.ttl } : { type: 'ephemeral' } };
}
