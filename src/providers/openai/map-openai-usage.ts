import type { Usage } from '../../core/usage.js';
import type { OpenAIUsage } from './openai-stream-schema.js';

/** OpenAI usage → canonical usage: cached prompt tokens are split out of the input count. */
export function mapOpenAIUsage(usage: OpenAIUsage): Partial<Usage> {
  const mapped: Partial<Usage> = {};
  const cached = usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens ?? 0;
  if (typeof usage.prompt_tokens === 'number') {
    mapped.inputTokens = Math.max(0, usage.prompt_tokens - cached);
    mapped.cacheReadTokens = cached;
  }
  if (typeof usage.completion_tokens === 'number') mapped.outputTokens = usage.completion_tokens;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (typeof reasoning === 'number' && reasoning > 0) mapped.reasoningTokens = reasoning;
  if (typeof usage.credits === 'number') mapped.credits = usage.credits;
  return mapped;
}
