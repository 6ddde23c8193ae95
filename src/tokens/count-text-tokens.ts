import { countTokens as countO200kTokens } from 'gpt-tokenizer/encoding/o200k_base';

/** Tokens of plain text in the o200k_base encoding (GPT-4o family), our stand-in for every model. */
export function countTextTokens(text: string): number {
  return text === '' ? 0 : countO200kTokens(text);
}
