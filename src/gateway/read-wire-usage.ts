import type { Usage } from '../core/usage.js';

type WireObject = Record<string, unknown>;

const numberAt = (source: unknown, ...path: string[]): number | undefined => {
  let value: unknown = source;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as WireObject)[key];
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

/** Anthropic `usage` (message_start, message_delta, or a whole message), plus Amp's `credits`. */
export function usageFromAnthropic(usage: unknown): Partial<Usage> {
  return {
    inputTokens: numberAt(usage, 'input_tokens'),
    outputTokens: numberAt(usage, 'output_tokens'),
    cacheReadTokens: numberAt(usage, 'cache_read_input_tokens'),
    cacheWriteTokens: numberAt(usage, 'cache_creation_input_tokens'),
    credits: numberAt(usage, 'credits'),
  };
}

/** OpenAI `usage`: prompt tokens include cached ones, which we count apart. */
export function usageFromOpenAI(usage: unknown): Partial<Usage> {
  const prompt = numberAt(usage, 'prompt_tokens');
  const cached = numberAt(usage, 'prompt_tokens_details', 'cached_tokens') ?? numberAt(usage, 'prompt_cache_hit_tokens') ?? 0;
  return {
    inputTokens: prompt === undefined ? undefined : Math.max(0, prompt - cached),
    cacheReadTokens: prompt === undefined ? undefined : cached,
    outputTokens: numberAt(usage, 'completion_tokens'),
    reasoningTokens: numberAt(usage, 'completion_tokens_details', 'reasoning_tokens'),
    credits: numberAt(usage, 'credits'),
  };
}
