import type { ChatRequest, ToolChoice } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { toAnthropicOutputConfig } from './anthropic-output-format.js';
import { minimumThinkingBudget, thinkingBudgetForEffort } from './anthropic-thinking-budget.js';
import type { AnthropicMessagesBody, AnthropicThinking, AnthropicToolChoice } from './anthropic-wire-types.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';
import { toAnthropicCacheControl } from './convert-to-anthropic-content.js';

export const defaultMaxTokens = 4096;
/** Room for the visible answer on top of a thinking budget. */
const answerHeadroom = 4096;

function toThinking(request: ChatRequest): AnthropicThinking | undefined {
  const reasoning = request.reasoning;
  if (!reasoning) return undefined;
  switch (reasoning.mode) {
    case 'disabled':
      return undefined;
    case 'adaptive':
      return { type: 'adaptive' };
    case 'enabled': {
      const budget = reasoning.budgetTokens ?? (reasoning.effort ? thinkingBudgetForEffort(reasoning.effort) : 4096);
      return { type: 'enabled', budget_tokens: Math.max(minimumThinkingBudget, budget) };
    }
    default: {
      const unreachable: never = reasoning.mode;
      return unreachable;
    }
  }
}

function toToolChoice(choice: ToolChoice | undefined, parallel: boolean | undefined): AnthropicToolChoice | undefined {
  const disable = parallel === false ? { disable_parallel_tool_use: true } : {};
  if (!choice) return parallel === false ? { type: 'auto', ...disable } : undefined;
  switch (choice.type) {
    case 'auto':
      return { type: 'auto', ...disable };
    case 'required':
      return { type: 'any', ...disable };
    case 'tool':
      return { type: 'tool', name: choice.name, ...disable };
    case 'none':
      return { type: 'none' };
    default: {
      const unreachable: never = choice;
      return unreachable;
    }
  }
}

/** Canonical request → Anthropic Messages body, streamed (an adapter may turn `stream` off). Pure; warnings are appended. */
export function buildAnthropicRequest(request: ChatRequest, upstreamModel: string, warnings: ConversionWarning[]): AnthropicMessagesBody {
  const thinking = toThinking(request);
  const body: AnthropicMessagesBody = {
    model: upstreamModel,
    max_tokens: request.maxOutputTokens ?? defaultMaxTokens,
    messages: convertToAnthropicMessages(request.messages, warnings),
    stream: true,
  };
  if (request.system.length > 0) {
    body.system = request.system.map((part) => ({ type: 'text', text: part.text, ...toAnthropicCacheControl(part.cacheControl) }));
  }
  if (request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      input_schema: tool.inputSchema,
      ...toAnthropicCacheControl(tool.cacheControl),
    }));
  }
  let toolChoice = toToolChoice(request.toolChoice, request.parallelToolCalls);
  if (thinking) {
    body.thinking = thinking;
    if (thinking.type === 'enabled' && body.max_tokens <= thinking.budget_tokens) {
      const raised = thinking.budget_tokens + answerHeadroom;
      if (request.maxOutputTokens !== undefined) {
        warnings.push({ feature: 'max_tokens', detail: `max_tokens raised to ${raised} to exceed the thinking budget.` });
      }
      body.max_tokens = raised;
    }
    if (toolChoice && (toolChoice.type === 'any' || toolChoice.type === 'tool')) {
      warnings.push({ feature: 'tool_choice', detail: 'Forced tool use is not supported with thinking; sent as auto.' });
      toolChoice = { type: 'auto', ...(request.parallelToolCalls === false ? { disable_parallel_tool_use: true } : {}) };
    }
    const dropped = (['temperature', 'topP', 'topK'] as const).filter((key) => request[key] !== undefined);
    if (dropped.length > 0) {
      warnings.push({ feature: 'sampling', detail: `${dropped.join(', ')} dropped: Anthropic rejects them with thinking on.` });
    }
  } else {
    if (request.temperature !== undefined) {
      if (request.temperature > 1) warnings.push({ feature: 'temperature', detail: 'temperature above 1 was lowered to 1 (the Anthropic maximum).' });
      body.temperature = Math.min(1, Math.max(0, request.temperature));
    }
    if (request.topP !== undefined) body.top_p = request.topP;
    if (request.topK !== undefined) body.top_k = request.topK;
  }
  if (toolChoice && (request.tools.length > 0 || toolChoice.type === 'none')) body.tool_choice = toolChoice;
  if (request.stopSequences && request.stopSequences.length > 0) body.stop_sequences = request.stopSequences;
  if (request.user) body.metadata = { user_id: request.user };
  const outputConfig = toAnthropicOutputConfig(request, warnings);
  if (outputConfig) body.output_config = outputConfig;
  return body;
}
