import type { ReasoningConfig, ReasoningEffort } from '../../core/chat-request.js';

const minimumBudget = 1024;
const maximumBudget = 24_576;
/** kiro.rs and AIClient default; 24 576 is the most either sends (§8.3). */
const defaultBudget = 20_000;

/** Whether the request asks for visible reasoning (which Q returns as `<thinking>` text). */
export const isThinkingRequested = (reasoning: ReasoningConfig | undefined): boolean =>
  reasoning !== undefined && reasoning.mode !== 'disabled';

/**
 * Q has no request field for extended thinking; the model honours these tags at the start of the
 * system text and then writes its reasoning between `<thinking>` tags.
 */
export function buildThinkingPrefix(reasoning: ReasoningConfig | undefined, modelId = ''): string {
  if (!reasoning) return '';
  switch (reasoning.mode) {
    case 'disabled':
      return '';
    case 'enabled': {
      // An effort without a budget (OpenAI reasoning_effort, Responses reasoning.effort) lets the model decide how much, at that effort.
      if (reasoning.budgetTokens === undefined && reasoning.effort !== undefined) {
        return `<thinking_mode>adaptive</thinking_mode><thinking_effort>${effortLevel(reasoning.effort, modelId)}</thinking_effort>`;
      }
      const budget = Math.min(maximumBudget, Math.max(minimumBudget, Math.round(reasoning.budgetTokens ?? defaultBudget)));
      return `<thinking_mode>enabled</thinking_mode><max_thinking_length>${budget}</max_thinking_length>`;
    }
    case 'adaptive':
      return `<thinking_mode>adaptive</thinking_mode><thinking_effort>${effortLevel(reasoning.effort, modelId)}</thinking_effort>`;
    default: {
      const unreachable: never = reasoning.mode;
      return unreachable;
    }
  }
}

/**
 * Q's effort levels: `low|medium|high`, plus `max` on the models that have it (Opus/Sonnet 4.6 and
 * later, per kirocc's table); `minimal` folds to `low`; no effort is `high`, Claude Code's default.
 */
function effortLevel(effort: ReasoningEffort | undefined, modelId: string): 'low' | 'medium' | 'high' | 'max' {
  switch (effort) {
    case 'minimal':
    case 'low':
      return 'low';
    case 'medium':
      return 'medium';
    case undefined:
    case 'high':
      return 'high';
    case 'max':
      return supportsMaxEffort(modelId) ? 'max' : 'high';
    default: {
      const unreachable: never = effort;
      return unreachable;
    }
  }
}

function supportsMaxEffort(modelId: string): boolean {
  const match = /^claude-(sonnet|opus)-(\d+)(?:\.(\d+))?/.exec(modelId);
  if (!match) return false;
  const major = Number(match[2]);
  const minor = Number(match[3] ?? 0);
  return major > 4 || (major === 4 && minor >= 6);
}
