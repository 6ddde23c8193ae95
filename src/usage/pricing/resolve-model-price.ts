import type { ModelPrice } from '../../settings/settings-schema.js';
import { builtInPrices } from './built-in-prices.js';
import { normalizeModelName } from './normalize-model-name.js';

/** A price with every component filled in, USD per million tokens. */
export interface ResolvedPrice {
  input: number;
  output: number;
  cacheRead: number;
  /** Cache writes with the 5-minute TTL (and writes whose TTL the upstream did not say). */
  cacheWrite: number;
  /** Cache writes with a 1-hour TTL. */
  cacheWrite1h: number;
}

export interface PriceLookup {
  price: ResolvedPrice;
  /** The table key that matched, or null when the model is unknown (the price is then all zero). */
  matched: string | null;
  source: 'settings' | 'built-in' | 'unknown';
}

const zeroPrice: ResolvedPrice = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0 };

const roundPrice = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * Fills in cache prices: Claude 5-minute writes cost 1.25× input, 1-hour writes 2× input (Anthropic's
 * pricing); reads default to 0.1× input everywhere.
 */
function completePrice(key: string, price: ModelPrice): ResolvedPrice {
  const isClaude = key.startsWith('claude');
  return {
    input: price.input,
    output: price.output,
    cacheRead: price.cache_read ?? roundPrice(price.input * 0.1),
    cacheWrite: price.cache_write ?? (isClaude ? roundPrice(price.input * 1.25) : price.input),
    cacheWrite1h: price.cache_write_1h ?? roundPrice(price.input * 2),
  };
}

function longestPrefix(name: string, table: Readonly<Record<string, ModelPrice>>): string | null {
  let best: string | null = null;
  for (const key of Object.keys(table)) {
    if (!name.startsWith(key)) continue;
    const next = name.charAt(key.length);
    if (next !== '' && next !== '-' && next !== ':' && next !== '@') continue;
    if (best === null || key.length > best.length) best = key;
  }
  return best;
}

/**
 * Finds a model's price: exact name in the settings overrides, exact (normalised) name in either table,
 * then the longest matching prefix (settings first). Unknown models cost nothing and say so.
 */
export function resolveModelPrice(model: string, overrides: Readonly<Record<string, ModelPrice>> = {}): PriceLookup {
  const exactOverride = overrides[model];
  if (exactOverride) return { price: completePrice(normalizeModelName(model), exactOverride), matched: model, source: 'settings' };
  const normalizedOverrides: Record<string, ModelPrice> = {};
  for (const [key, value] of Object.entries(overrides)) normalizedOverrides[normalizeModelName(key)] = value;
  const name = normalizeModelName(model);
  const overrideKey = name in normalizedOverrides ? name : longestPrefix(name, normalizedOverrides);
  const builtInKey = name in builtInPrices ? name : longestPrefix(name, builtInPrices);
  if (overrideKey !== null && (builtInKey === null || overrideKey.length >= builtInKey.length)) {
    return { price: completePrice(overrideKey, normalizedOverrides[overrideKey]!), matched: overrideKey, source: 'settings' };
  }
  if (builtInKey !== null) return { price: completePrice(builtInKey, builtInPrices[builtInKey]!), matched: builtInKey, source: 'built-in' };
  return { price: zeroPrice, matched: null, source: 'unknown' };
}
