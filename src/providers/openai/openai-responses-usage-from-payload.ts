import { z } from 'zod';
import type { Usage } from '../../core/usage.js';

const usageSchema = z
  .object({
    input_tokens: z.number().nullish(),
    output_tokens: z.number().nullish(),
    input_tokens_details: z.object({ cached_tokens: z.number().nullish() }).loose().nullish(),
    output_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).loose().nullish(),
  })
  .loose();
const responseSchema = z.object({ usage: usageSchema.nullish() }).loose();
/** A whole Response (JSON answer) or a stream event carrying one (`response.completed`, `.incomplete`, `.failed`). */
const payloadSchema = z.object({ usage: usageSchema.nullish(), response: responseSchema.nullish() }).loose();

/**
 * Usage of a Responses answer: `input_tokens` counts the whole prompt, cached tokens included, so
 * the cached part is split out as canonical cache reads.
 */
export function openAIResponsesUsageFromPayload(json: unknown): Partial<Usage> | undefined {
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const usage = parsed.data.response?.usage ?? parsed.data.usage;
  if (!usage) return undefined;
  const mapped: Partial<Usage> = {};
  const cached = usage.input_tokens_details?.cached_tokens ?? 0;
  if (typeof usage.input_tokens === 'number') {
    mapped.inputTokens = Math.max(0, usage.input_tokens - cached);
    mapped.cacheReadTokens = cached;
  }
  if (typeof usage.output_tokens === 'number') mapped.outputTokens = usage.output_tokens;
  const reasoning = usage.output_tokens_details?.reasoning_tokens;
  if (typeof reasoning === 'number' && reasoning > 0) mapped.reasoningTokens = reasoning;
  return mapped;
}
