import type { Usage } from '../../core/usage.js';
import { geminiUsageSchema, type GeminiUsage } from './gemini-stream-schema.js';

/**
 * Gemini `usageMetadata` → canonical usage. Gemini's prompt count includes cached tokens, and its
 * candidates count leaves out thoughts, which canonical output includes. Streams repeat the figures
 * as they grow, so each report replaces the last.
 */
export function mapGeminiUsage(usage: GeminiUsage): Partial<Usage> {
  const mapped: Partial<Usage> = {};
  const cached = usage.cachedContentTokenCount ?? 0;
  const prompt = (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0);
  if (typeof usage.promptTokenCount === 'number') {
    mapped.inputTokens = Math.max(0, prompt - cached);
    mapped.cacheReadTokens = cached;
  }
  const thoughts = usage.thoughtsTokenCount ?? 0;
  if (typeof usage.candidatesTokenCount === 'number' || thoughts > 0) mapped.outputTokens = (usage.candidatesTokenCount ?? 0) + thoughts;
  if (thoughts > 0) mapped.reasoningTokens = thoughts;
  return mapped;
}

/** Usage carried by one streamed chunk or a whole JSON answer, if any. */
export function geminiUsageFromPayload(payload: unknown): Partial<Usage> | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const parsed = geminiUsageSchema.safeParse((payload as { usageMetadata?: unknown }).usageMetadata);
  return parsed.success && parsed.data ? mapGeminiUsage(parsed.data) : undefined;
}
