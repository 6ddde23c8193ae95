import type { ReasoningConfig, ReasoningEffort } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import type { AnthropicMessagesRequestBody } from './anthropic-request-schema.js';

const efforts: ReadonlySet<string> = new Set<ReasoningEffort>(['minimal', 'low', 'medium', 'high', 'max']);

/**
 * `thinking` and `output_config.effort` → canonical reasoning. An effort without `thinking` means
 * "let the model decide how much to think", i.e. adaptive mode at that effort.
 */
export function convertAnthropicReasoning(
  body: AnthropicMessagesRequestBody,
  warnings: ConversionWarning[],
): ReasoningConfig | undefined {
  let reasoning: ReasoningConfig | undefined;
  const thinking = body.thinking;
  if (thinking) {
    switch (thinking.type) {
      case 'enabled':
        reasoning = { mode: 'enabled', ...(thinking.budget_tokens ? { budgetTokens: thinking.budget_tokens } : {}) };
        break;
      case 'adaptive':
        reasoning = { mode: 'adaptive' };
        break;
      case 'disabled':
        reasoning = { mode: 'disabled' };
        break;
      default:
        warnings.push({ feature: 'thinking', detail: `thinking type "${thinking.type}" is not supported; ignored` });
    }
  }
  const effort = body.output_config?.effort;
  if (effort) {
    if (efforts.has(effort)) reasoning = { ...(reasoning ?? { mode: 'adaptive' }), effort: effort as ReasoningEffort };
    else warnings.push({ feature: 'output_config.effort', detail: `effort "${effort}" is not supported; ignored` });
  }
  return reasoning;
}
