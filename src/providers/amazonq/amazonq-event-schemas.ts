import { z } from 'zod';

/** Lenient shapes of the event-stream payloads Sluice reads (unknown fields pass, unknown events are ignored). */
export const assistantResponseEventSchema = z.looseObject({ content: z.string() });

export const toolUseEventSchema = z.looseObject({
  toolUseId: z.string().min(1),
  name: z.string().optional(),
  input: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  stop: z.boolean().optional(),
});

export const reasoningContentEventSchema = z.looseObject({ text: z.string().optional() });

export const meteringEventSchema = z.looseObject({ usage: z.number() });

export const contextUsageEventSchema = z.looseObject({ contextUsagePercentage: z.number() });

export const metadataEventSchema = z.looseObject({
  tokenUsage: z
    .looseObject({
      uncachedInputTokens: z.number().optional(),
      outputTokens: z.number().optional(),
      totalTokens: z.number().optional(),
      cacheReadInputTokens: z.number().optional(),
      cacheWriteInputTokens: z.number().optional(),
      contextUsagePercentage: z.number().optional(),
    })
    .optional(),
});

export type MetadataTokenUsage = NonNullable<z.infer<typeof metadataEventSchema>['tokenUsage']>;
