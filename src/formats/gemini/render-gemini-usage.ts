import { totalPromptTokens, type Usage } from '../../core/usage.js';

export interface GeminiUsageMetadata {
  promptTokenCount: number;
  candidatesTokenCount: number;
  totalTokenCount: number;
  cachedContentTokenCount?: number;
  thoughtsTokenCount?: number;
}

/**
 * Canonical usage → Gemini `usageMetadata`. Gemini's prompt count includes cached tokens, and its
 * candidates count leaves out the thoughts, which it reports apart.
 */
export function renderGeminiUsage(usage: Usage): GeminiUsageMetadata {
  const prompt = totalPromptTokens(usage);
  const thoughts = usage.reasoningTokens ?? 0;
  const candidates = Math.max(0, usage.outputTokens - thoughts);
  const metadata: GeminiUsageMetadata = { promptTokenCount: prompt, candidatesTokenCount: candidates, totalTokenCount: prompt + candidates + thoughts };
  if (usage.cacheReadTokens > 0) metadata.cachedContentTokenCount = usage.cacheReadTokens;
  if (thoughts > 0) metadata.thoughtsTokenCount = thoughts;
  return metadata;
}
