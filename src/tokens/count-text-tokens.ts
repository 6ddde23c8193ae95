import { hash } from 'node:crypto';
import { countO200kTokens } from './count-o200k-tokens.js';

/**
 * Tokenising costs about 35 µs of CPU on the event loop per kilobyte of code or JSON, 3–4 µs for even a short text
 * (a tool call's id), and agents re-send the same history (system prompt, tool schemas, tool calls and
 * results) on every call. So texts are remembered by content hash in a bounded LRU: hashing and looking up
 * costs about 1 µs for a short text and 2 µs a kilobyte. A word (a role, a tool's name) is as cheap to count.
 */
const cacheFromChars = 8;
/** About 2 MB when full: enough for the histories of several agents at once. */
const cacheEntries = 16_384;
const cache = new Map<string, number>();

function cachedCount(text: string): number {
  const key = hash('sha1', text, 'base64');
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
