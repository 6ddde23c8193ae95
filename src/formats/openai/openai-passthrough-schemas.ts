import { z } from 'zod';
import { maxModelNameLength } from '../../core/field-limits.js';

/**
 * The fields Sluice itself reads from the OpenAI bodies it only forwards (embeddings, legacy
 * completions): enough to route and account them and to refuse a body the upstream surely would.
 * Everything else goes upstream untouched.
 */
export const openAIEmbeddingsRequestSchema = z
  .object({
    model: z.string().min(1).max(maxModelNameLength),
    input: z.union([z.string(), z.array(z.unknown()).min(1)]),
  })
  .loose();

export const openAICompletionsRequestSchema = z
  .object({
    model: z.string().min(1).max(maxModelNameLength),
    prompt: z.union([z.string(), z.array(z.unknown())]),
    stream: z.boolean().nullish(),
    user: z.string().nullish(),
  })
  .loose();
