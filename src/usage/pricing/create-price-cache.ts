import type { Usage } from '../../core/usage.js';
import type { ModelPrice } from '../../settings/settings-schema.js';
import { costFromPrice } from './compute-cost.js';
import { resolveModelPrice, type PriceLookup } from './resolve-model-price.js';

const maxCachedModels = 1000;

/** Memoises price lookups per model name; starts over whenever the settings' price table changes. */
export function createPriceCache(prices: () => Readonly<Record<string, ModelPrice>>) {
  let table = prices();
  const cache = new Map<string, PriceLookup>();
  const lookup = (model: string): PriceLookup => {
    const current = prices();
    if (current !== table) {
      table = current;
      cache.clear();
    }
    let found = cache.get(model);
    if (!found) {
      found = resolveModelPrice(model, table);
      if (cache.size >= maxCachedModels) cache.clear();
      cache.set(model, found);
    }
    return found;
  };
  return {
    lookup,
    isKnown: (model: string): boolean => lookup(model).source !== 'unknown',
    cost: (model: string, usage: Usage): number => costFromPrice(lookup(model).price, usage),
  };
}
