import type { ChatResult } from '../../core/chat-result.js';
import { InternalError } from '../../core/errors/internal-error.js';
import { parseToolInput } from '../../core/collect-stream.js';
import { toGeminiFinishReason, type GeminiFinishReason } from './map-gemini-finish-reason.js';
import { renderGeminiUsage, type GeminiUsageMetadata } from './render-gemini-usage.js';

export type GeminiResponsePart =
  | { text: string; thought?: true; thoughtSignature?: string }
  | { functionCall: { id: string; name: string; args: Record<string, unknown> }; thoughtSignature?: string };

export interface GeminiGenerateContentResponse {
  candidates: Array<{ content: { role: 'model'; parts: GeminiResponsePart[] }; finishReason?: GeminiFinishReason; index: 0 }>;
  usageMetadata?: GeminiUsageMetadata;
  modelVersion: string;
  responseId: string;
}

export interface RenderGeminiOptions {
  model: string;
  /** Thoughts go out (as `thought: true` parts) only when the client asked for them. */
  includeThoughts: boolean;
}

/** Tool input as Gemini `args`: always an object (a non-object input is wrapped). */
export function toGeminiArgs(input: unknown): Record<string, unknown> {
  const value = typeof input === 'string' ? parseToolInput(input) : input;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  return value === undefined || value === null ? {} : { value };
}

/** A whole canonical answer as a Gemini `GenerateContentResponse`. */
export function renderGeminiResponse(result: ChatResult, options: RenderGeminiOptions): GeminiGenerateContentResponse {
  const parts: GeminiResponsePart[] = [];
  let signature: string | undefined;
  for (const part of result.content) {
    switch (part.type) {
      case 'text':
        if (part.text !== '') parts.push({ text: part.text });
        break;
      case 'reasoning':
        if (options.includeThoughts && part.text !== '') parts.push({ text: part.text, thought: true });
        signature = part.signature ?? signature;
        break;
      case 'redacted-reasoning':
        break;
      case 'tool-call':
        parts.push({
          functionCall: { id: part.id, name: part.name, args: toGeminiArgs(part.rawInput.trim() !== '' ? part.rawInput : part.input) },
          ...(signature ? { thoughtSignature: signature } : {}),
        });
        signature = undefined;
        break;
      default: {
        const unreachable: never = part;
        throw new InternalError(`Unknown result part ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return {
    candidates: [{ content: { role: 'model', parts }, finishReason: toGeminiFinishReason(result.finishReason), index: 0 }],
    usageMetadata: renderGeminiUsage(result.usage),
    modelVersion: options.model,
    responseId: result.id,
  };
}
