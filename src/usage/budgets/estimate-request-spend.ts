import type { ChatRequest } from '../../core/chat-request.js';
import { countTokens } from '../../tokens/count-tokens.js';
import type { SpendAmount } from './budget-reservation.js';

/** Output assumed when the client sets no max_tokens. */
export const defaultOutputEstimate = 4096;
/**
 * The most output an estimate assumes. Clients such as Claude Code ask for 32k-64k output tokens on
 * every call and rarely use them; holding that much would refuse most requests of a modest budget.
 */
export const maxOutputEstimate = 16_384;

/**
 * What a request will probably cost, held against the key's budgets while it runs: its input tokens
 * (the local tokenizer) plus its max output tokens (bounded), priced as uncached input and output.
 */
export function estimateRequestSpend(request: ChatRequest, price: { input: number; output: number }): SpendAmount {
  const inputTokens = countTokens(request);
  const outputTokens = Math.min(request.maxOutputTokens ?? defaultOutputEstimate, maxOutputEstimate);
  const cost = (inputTokens * price.input + outputTokens * price.output) / 1e6;
  return { tokens: inputTokens + outputTokens, cost: Math.round(cost * 1e9) / 1e9 };
}
