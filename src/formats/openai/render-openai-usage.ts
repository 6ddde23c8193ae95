import { totalPromptTokens, type Usage } from '../../core/usage.js';

export interface OpenAIUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}

/** OpenAI counts the whole prompt, cached or not, in `prompt_tokens`; cache writes are plain input there. */
export function renderOpenAIUsage(usage: Usage): OpenAIUsage {
  const promptTokens = totalPromptTokens(usage);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: promptTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cacheReadTokens },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
  };
}
