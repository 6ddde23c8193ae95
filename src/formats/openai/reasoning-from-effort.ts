import type { ReasoningConfig } from '../../core/chat-request.js';

/** OpenAI's reasoning effort scale, shared by Chat Completions (`reasoning_effort`) and Responses (`reasoning.effort`). */
export type OpenAIReasoningEffortValue = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

/** An OpenAI reasoning effort → the canonical reasoning config (`none` turns reasoning off). */
export function reasoningFromEffort(effort: OpenAIReasoningEffortValue | null | undefined): ReasoningConfig | undefined {
  switch (effort) {
    case null:
    case undefined:
      return undefined;
    case 'none':
      return { mode: 'disabled' };
    case 'xhigh':
      return { mode: 'enabled', effort: 'max' };
    case 'minimal':
    case 'low':
    case 'medium':
    case 'high':
      return { mode: 'enabled', effort };
    default: {
      const unreachable: never = effort;
      return unreachable;
    }
  }
}
