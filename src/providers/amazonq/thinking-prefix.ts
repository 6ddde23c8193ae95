import type { ReasoningConfig, ReasoningEffort } from '../../core/chat-request.js';

const minimumBudget = 1024;
const maximumBudget = 24_576;
const defaultBudget = 16_000;

/** Whether the request asks for visible reasoning (which Q returns as `<thinking>` text). */
export const isThinkingRequested = (reasoning: ReasoningConfig | undefined): boolean =>
  reasoning !== undefined && reasoning.mode !== 'disabled';

/**
 * Q has no request field for extended thinking; the model honours these tags at the start of the
 * system text and then writes its reasoning between `<thinking>` tags.
 */
export function buildThinkingPrefix(reasoning: ReasoningConfig | undefined): string {
  if (!reasoning) return '';
  switch (reasoning.mode) {
    case 'disabled':
      return '';
    case 'enabled': {
      const budget = Math.min(maximumBudget, Math.max(minimumBudget, Math.round(reasoning.budgetTokens ?? defaultBudget)));
      return `<thinking_mode>enabled</thinking_mode><max_thinking_length>${budget}</max_thinking_length>`;
    }
    case 'adaptive':
      return `<thinking_mode>adaptive</thinking_mode><thinking_effort>${effortLevel(reasoning.effort)}</thinking_effort>`;
    default: {
      const unreachable: never = reasoning.mode;
      return unreachable;
    }
  }
}

function effortLevel(effort: ReasoningEffort | undefined): 'low' | 'medium' | 'high' {
  switch (effort) {
    case 'minimal':
    case 'low':
      return 'low';
    case undefined:
    case 'medium':
      return 'medium';
    case 'high':
    case 'max':
      return 'high';
    default: {
      const unreachable: never = effort;
      return unreachable;
    }
  }
}
