import type { FinishReason } from '../../core/finish-reason.js';

export type OpenAIFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

/** OpenAI wire `finish_reason` → canonical. Unknown values (provider extensions) become `other`. */
export function mapOpenAIFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}

/** Canonical → OpenAI wire `finish_reason`; OpenAI has no words for pauses or context overflow. */
export function toOpenAIFinishReason(reason: FinishReason): Exclude<OpenAIFinishReason, 'function_call'> {
  switch (reason) {
    case 'stop':
    case 'stop-sequence':
    case 'pause':
    case 'error':
    case 'other':
      return 'stop';
    case 'length':
    case 'context-exceeded':
      return 'length';
    case 'tool-calls':
      return 'tool_calls';
    case 'content-filter':
      return 'content_filter';
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}
