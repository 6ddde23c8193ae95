import { createRequire } from 'node:module';

type O200kEncoding = typeof import('gpt-tokenizer/encoding/o200k_base');

let encoding: O200kEncoding | undefined;

/**
 * Tokens of `text` in the o200k_base encoding. The encoding's rank tables take about 70 MB of memory
 * once loaded, so they are loaded on the first count rather than at start-up: an instance that never
 * needs a local count (passthrough with upstream usage figures) never pays for them.
 */
export function countO200kTokens(text: string): number {
  encoding ??= createRequire(import.meta.url)('gpt-tokenizer/encoding/o200k_base') as O200kEncoding;
  return encoding.countTokens(text);
}
