import type { ReasoningEffort } from '../../core/chat-request.js';

/** Smallest budget Anthropic accepts for extended thinking. */
export const minimumThinkingBudget = 1024;

/** Thinking budget for an OpenAI-style effort level. */
export function thinkingBudgetForEffort(effort: ReasoningEffort): number {
  switch (effort) {
    case 'minimal':
    case 'low':
      return 1024;
    case 'medium':
      return 4096;
    case 'high':
      return 16_384;
    case 'max':
      return 32_000;
    default: {
      const unreachable: never = effort;
      return unreachable;
    }
  }
}
