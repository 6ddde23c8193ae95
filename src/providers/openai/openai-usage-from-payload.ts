import { z } from 'zod';
import type { Usage } from '../../core/usage.js';
import { mapOpenAIUsage } from './map-openai-usage.js';
import { openAIUsageSchema } from './openai-stream-schema.js';

const payloadSchema = z.object({ usage: openAIUsageSchema.nullish() }).loose();

/** Usage carried by one Chat Completions chunk (the usage chunk) or a whole JSON completion. */
export function openAIUsageFromPayload(json: unknown): Partial<Usage> | undefined {
  const parsed = payloadSchema.safeParse(json);
  return parsed.success && parsed.data.usage ? mapOpenAIUsage(parsed.data.usage) : undefined;
}
