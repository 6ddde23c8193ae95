import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { countO200kTokens } from './count-o200k-tokens.js';

describe('countO200kTokens (encoding loaded on first use)', () => {
  it('counts exactly as the o200k_base encoding does', () => {
    for (const text of ['', 'Hello, world!', '账号1 and some code: const x = 1;', 'word '.repeat(500)]) {
      expect(countO200kTokens(text)).toBe(countTokens(text));
    }
  });
});
