import type { Usage } from '../../core/usage.js';
import type { ModelPrice } from '../../settings/settings-schema.js';
import { resolveModelPrice, type ResolvedPrice } from './resolve-model-price.js';

/**
 * USD cost of one request. `usage.inputTokens` excludes cached input (see core/usage.ts), so each token is
 * priced exactly once: uncached input, cache reads, cache writes and output at their own rates. Cache
 * writes the upstream says were made with a 1-hour TTL cost the 1-hour rate; the rest the 5-minute rate.
 */
export function costFromPrice(price: ResolvedPrice, usage: Usage): number {
  const hourWrites = Math.min(Math.max(0, usage.cacheWrite1hTokens ?? 0), usage.cacheWriteTokens);
  const cost =
    usage.inputTokens * price.input +
    usage.outputTokens * price.output +
    usage.cacheReadTokens * price.cacheRead +
    (usage.cacheWriteTokens - hourWrites) * price.cacheWrite +
    hourWrites * price.cacheWrite1h;
  // Per-million prices; round to a billionth of a dollar to keep sums free of float noise.
  return Math.round(cost * 1000) / 1e9;
}

/** Cost of a request for `model` (0 for unknown models; use `resolveModelPrice` to tell them apart). */
export function computeCost(model: string, usage: Usage, prices: Readonly<Record<string, ModelPrice>> = {}): number {
  return costFromPrice(resolveModelPrice(model, prices).price, usage);
}
