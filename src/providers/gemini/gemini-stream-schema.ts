import { z } from 'zod';

/** One `GenerateContentResponse` as Gemini streams it, leniently: only what Sluice reads. */

export const geminiUsageSchema = z
  .object({
    promptTokenCount: z.number().nullish(),
    candidatesTokenCount: z.number().nullish(),
    cachedContentTokenCount: z.number().nullish(),
    thoughtsTokenCount: z.number().nullish(),
    toolUsePromptTokenCount: z.number().nullish(),
    totalTokenCount: z.number().nullish(),
  })
  .loose();

const part = z
  .object({
    text: z.string().nullish(),
    thought: z.boolean().nullish(),
    thoughtSignature: z.string().nullish(),
    functionCall: z.object({ id: z.string().nullish(), name: z.string(), args: z.record(z.string(), z.unknown()).nullish() }).nullish(),
  })
  .loose();

export const geminiChunkSchema = z
  .object({
    candidates: z
      .array(
        z
          .object({
            content: z.object({ parts: z.array(part).nullish() }).loose().nullish(),
            finishReason: z.string().nullish(),
            index: z.number().nullish(),
          })
          .loose(),
      )
      .nullish(),
    promptFeedback: z.object({ blockReason: z.string().nullish() }).loose().nullish(),
    usageMetadata: geminiUsageSchema.nullish(),
    responseId: z.string().nullish(),
    error: z.object({ code: z.number().nullish(), message: z.string().nullish(), status: z.string().nullish() }).loose().nullish(),
  })
  .loose();

export type GeminiUsage = z.output<typeof geminiUsageSchema>;
export type GeminiChunk = z.output<typeof geminiChunkSchema>;
