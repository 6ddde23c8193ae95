import type { Usage } from '../../core/usage.js';
import type { ModelPrice } from '../../settings/settings-schema.js';
import { resolveModelPrice, type ResolvedPrice } from './resolve-model-price.js';

/**
 * USD cost of one request. `usage.inputTokens` excludes cached input (see core/usage.ts), so each token is
 * priced exactly once: uncached input, cache reads, cache writes and output at their own rates.
 */
export function costFromPrice(price: ResolvedPrice, usage: Usage): number {
  const cost =
    usage.inputTokens * price.input +
    usage.outputTokens * price.output +
    usage.cacheReadTokens * price.cacheRead +
    usage.cacheWriteTokens * price.cacheWrite;
  // Per-million prices; round to a billionth of a dollar to keep sums free of float noise.
  return Math.round(cost * 1000) / 1e9;
}

/** Cost of a request for `model` (0 for unknown models; use `resolveModelPrice` to tell them apart). */
export function computeCost(model: string, usage: Usage, prices: Readonly<Record<string, ModelPrice>> = {}): number {
  return costFromPrice(resolveModelPrice(model, prices).price, usage);
}
