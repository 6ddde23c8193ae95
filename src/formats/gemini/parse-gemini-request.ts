import type { ChatRequest, ReasoningConfig, ResponseFormat } from '../../core/chat-request.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { ConversionWarning } from '../../core/warning.js';
import { parseRequestBody } from '../parse-request-body.js';
import { convertGeminiContents, convertGeminiSystem } from './convert-gemini-contents.js';
import { geminiSchemaToJsonSchema } from './convert-gemini-schema.js';
import { convertGeminiToolChoice, convertGeminiTools } from './convert-gemini-tools.js';
import { geminiRequestSchema, type GeminiGenerationConfig } from './gemini-request-schema.js';

export interface ParsedGeminiRequest {
  request: ChatRequest;
  warnings: ConversionWarning[];
  /** `thinkingConfig.includeThoughts`: thoughts are part of the answer only when asked for. */
  includeThoughts: boolean;
}

function reasoningConfig(config: GeminiGenerationConfig | null | undefined): ReasoningConfig | undefined {
  const thinking = config?.thinkingConfig;
  if (!thinking) return undefined;
  const level = thinking.thinkingLevel?.toLowerCase();
  if (level === 'low' || level === 'medium' || level === 'high' || level === 'minimal') return { mode: 'enabled', effort: level };
  const budget = thinking.thinkingBudget;
  if (budget === null || budget === undefined) return thinking.includeThoughts ? { mode: 'adaptive' } : undefined;
  if (budget === 0) return { mode: 'disabled' };
  if (budget === -1) return { mode: 'adaptive' };
  return { mode: 'enabled', budgetTokens: budget };
}

function responseFormat(config: GeminiGenerationConfig | null | undefined, warnings: ConversionWarning[]): ResponseFormat | undefined {
  const mimeType = config?.responseMimeType;
  if (!mimeType || mimeType === 'text/plain') return undefined;
  if (mimeType !== 'application/json') {
    warnings.push({ feature: 'responseMimeType', detail: `${mimeType} is not supported; answering in text` });
    return undefined;
  }
  const schema = config?.responseJsonSchema ?? (config?.responseSchema ? geminiSchemaToJsonSchema(config.responseSchema) : undefined);
  return schema ? { type: 'json-schema', name: 'response', schema } : { type: 'json-object' };
}

/**
 * A Gemini `generateContent` body (model and streaming come from the URL) → the canonical request.
 * Real errors (no contents, wrong types, several candidates) throw InvalidRequestError naming the field.
 */
export function parseGeminiRequest(body: unknown, model: string, stream: boolean): ParsedGeminiRequest {
  const parsed = parseRequestBody(geminiRequestSchema, body);
  const warnings: ConversionWarning[] = [];
  const config = parsed.generationConfig;
  if (config?.candidateCount && config.candidateCount > 1) {
    throw new InvalidRequestError('generationConfig.candidateCount: only one candidate per request is supported', { field: 'generationConfig.candidateCount' });
  }
  if (parsed.safetySettings && parsed.safetySettings.length > 0) {
    warnings.push({ feature: 'safetySettings', detail: 'safety settings apply only on Gemini accounts; dropped' });
  }
  if (parsed.cachedContent) warnings.push({ feature: 'cachedContent', detail: 'cached contents are not served; dropped' });
  const messages = convertGeminiContents(parsed.contents, warnings);
  const { tools, toolChoice } = convertGeminiToolChoice(parsed, convertGeminiTools(parsed, warnings), warnings);
  const request: ChatRequest = { model, system: convertGeminiSystem(parsed.systemInstruction), messages, tools, stream };
  if (toolChoice) request.toolChoice = toolChoice;
  if (config?.maxOutputTokens) request.maxOutputTokens = config.maxOutputTokens;
  if (typeof config?.temperature === 'number') request.temperature = config.temperature;
  if (typeof config?.topP === 'number') request.topP = config.topP;
  if (typeof config?.topK === 'number') request.topK = config.topK;
  if (config?.stopSequences && config.stopSequences.length > 0) request.stopSequences = config.stopSequences;
  const reasoning = reasoningConfig(config);
  if (reasoning) request.reasoning = reasoning;
  const format = responseFormat(config, warnings);
  if (format) request.responseFormat = format;
  // Streams always end with usage in Gemini's format.
  if (stream) request.includeUsage = true;
  return { request, warnings, includeThoughts: config?.thinkingConfig?.includeThoughts === true };
}
