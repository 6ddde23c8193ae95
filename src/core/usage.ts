/**
 * Token usage in canonical form. `inputTokens` counts only uncached input, as Anthropic does, so the
 * whole prompt is `inputTokens + cacheReadTokens + cacheWriteTokens` and nothing is counted twice.
 */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /**
   * The parts of `cacheWriteTokens` written with a 5-minute and a 1-hour time to live, when the upstream
   * says (Anthropic `usage.cache_creation`); they are priced differently.
   */
  cacheWrite5mTokens?: number;
  cacheWrite1hTokens?: number;
  /** Reasoning tokens, when the upstream reports them separately (already included in outputTokens). */
  reasoningTokens?: number;
  /** Upstream credits charged (Amazon Q metering, Amp `usage.credits`). */
  credits?: number;
}

export const emptyUsage = (): Usage => ({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });

/** Later reports override earlier ones field by field (upstreams send cumulative figures). */
export function mergeUsage(base: Usage, update: Partial<Usage>): Usage {
  // Written out, not spread: a spread followed by a field the source lacks (credits) gives the object
  // a shape of its own on every call (V8), and every read of it misses its cache.
  const merged: Usage = { inputTokens: base.inputTokens, outputTokens: base.outputTokens, cacheReadTokens: base.cacheReadTokens, cacheWriteTokens: base.cacheWriteTokens };
  if (base.credits !== undefined) merged.credits = base.credits;
  for (const [key, value] of Object.entries(update) as Array<[keyof Usage, number | undefined]>) {
    if (value !== undefined && Number.isFinite(value)) merged[key] = value;
  }
  return merged;
}

export const totalPromptTokens = (usage: Usage): number =>
  usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
