import { createHash } from 'node:crypto';
import { countO200kTokens } from './count-o200k-tokens.js';

/**
 * Tokenising costs roughly 0.2–0.7 ms per kilobyte of CPU on the event loop, and agents re-send the
 * same long history (system prompt, tool schemas, old tool results) on every call. Long texts are
 * therefore remembered by content hash in a small bounded LRU; short ones are cheaper to just count.
 */
const cacheFromChars = 1024;
const cacheEntries = 4096;
const cache = new Map<string, number>();

function cachedCount(text: string): number {
  const key = createHash('sha1').update(text).digest('base64');
  const known = cache.get(key);
  if (known !== undefined) {
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const count = countO200kTokens(text);
  cache.set(key, count);
  if (cache.size > cacheEntries) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return count;
}

/** Tokens of plain text in the o200k_base encoding (GPT-4o family), our stand-in for every model. */
export function countTextTokens(text: string): number {
  if (text === '') return 0;
  return text.length < cacheFromChars ? countO200kTokens(text) : cachedCount(text);
}
