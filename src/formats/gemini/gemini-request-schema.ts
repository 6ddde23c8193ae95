import { z } from 'zod';

/**
 * Gemini `generateContent` request (REST, camelCase as the SDKs and Gemini CLI send it), lenient:
 * unknown fields are stripped, and each part is checked only for what Sluice reads.
 */

const functionCall = z.object({
  id: z.string().nullish(),
  name: z.string().min(1).max(256),
  args: z.record(z.string(), z.unknown()).nullish(),
});

const functionResponse = z.object({
  id: z.string().nullish(),
  name: z.string().min(1).max(256),
  response: z.record(z.string(), z.unknown()).nullish(),
});

export const geminiPartSchema = z
  .object({
    text: z.string().nullish(),
    thought: z.boolean().nullish(),
    thoughtSignature: z.string().nullish(),
    inlineData: z.object({ mimeType: z.string(), data: z.string() }).nullish(),
    fileData: z.object({ mimeType: z.string().nullish(), fileUri: z.string() }).nullish(),
    functionCall: functionCall.nullish(),
    functionResponse: functionResponse.nullish(),
  })
  .loose();

export const geminiContentSchema = z.object({
  role: z.string().nullish(),
  parts: z.array(geminiPartSchema).default([]),
});

const functionDeclaration = z
  .object({
    name: z.string().min(1).max(256),
    description: z.string().nullish(),
    /** OpenAPI-subset schema (upper-case types, `nullable`). */
    parameters: z.record(z.string(), z.unknown()).nullish(),
    /** Plain JSON Schema, as Gemini CLI sends it. */
    parametersJsonSchema: z.record(z.string(), z.unknown()).nullish(),
  })
  .loose();

const tool = z.object({ functionDeclarations: z.array(functionDeclaration).nullish() }).loose();

export const geminiFunctionCallingModes = ['MODE_UNSPECIFIED', 'AUTO', 'ANY', 'NONE', 'VALIDATED'] as const;

const toolConfig = z.object({
  functionCallingConfig: z
    .object({
      mode: z.enum(geminiFunctionCallingModes).nullish(),
      allowedFunctionNames: z.array(z.string()).nullish(),
    })
    .nullish(),
});

const thinkingConfig = z.object({
  thinkingBudget: z.number().int().min(-1).nullish(),
  includeThoughts: z.boolean().nullish(),
  thinkingLevel: z.string().nullish(),
});

export const geminiGenerationConfigSchema = z
  .object({
    maxOutputTokens: z.number().int().positive().nullish(),
    temperature: z.number().min(0).max(2).nullish(),
    topP: z.number().min(0).max(1).nullish(),
    topK: z.number().int().nonnegative().nullish(),
    stopSequences: z.array(z.string()).max(16).nullish(),
    candidateCount: z.number().int().positive().nullish(),
    responseMimeType: z.string().nullish(),
    responseSchema: z.record(z.string(), z.unknown()).nullish(),
    responseJsonSchema: z.record(z.string(), z.unknown()).nullish(),
    thinkingConfig: thinkingConfig.nullish(),
  })
  .loose();

export const geminiRequestSchema = z.object({
  contents: z.array(geminiContentSchema).min(1),
  systemInstruction: z.union([z.string(), geminiContentSchema]).nullish(),
  tools: z.array(tool).nullish(),
  toolConfig: toolConfig.nullish(),
  generationConfig: geminiGenerationConfigSchema.nullish(),
  safetySettings: z.array(z.unknown()).nullish(),
  cachedContent: z.string().nullish(),
});

/** `countTokens` takes either bare `contents` or a whole `generateContentRequest`. */
export const geminiCountTokensSchema = z.object({
  contents: z.array(geminiContentSchema).nullish(),
  generateContentRequest: geminiRequestSchema.extend({ model: z.string().nullish() }).nullish(),
});

export type GeminiRequestBody = z.output<typeof geminiRequestSchema>;
export type GeminiContent = z.output<typeof geminiContentSchema>;
export type GeminiPart = z.output<typeof geminiPartSchema>;
export type GeminiGenerationConfig = z.output<typeof geminiGenerationConfigSchema>;
