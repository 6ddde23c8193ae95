import type { ChatRequest, ReasoningConfig, ToolChoice } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { convertToOpenAIMessages } from './convert-to-openai-messages.js';
import { toOpenAIResponseFormat } from './to-openai-response-format.js';
import type { OpenAIChatBody, OpenAIFlavour, OpenAIReasoningEffort, OpenAIToolChoice } from './openai-wire-types.js';

function toReasoningEffort(reasoning: ReasoningConfig | undefined): OpenAIReasoningEffort | undefined {
  if (!reasoning || reasoning.mode === 'disabled') return undefined;
  if (reasoning.effort) return reasoning.effort === 'max' ? 'high' : reasoning.effort;
  if (reasoning.budgetTokens === undefined) return undefined;
  if (reasoning.budgetTokens <= 2048) return 'low';
  if (reasoning.budgetTokens <= 8192) return 'medium';
  return 'high';
}

function toToolChoice(choice: ToolChoice): OpenAIToolChoice {
  switch (choice.type) {
    case 'auto':
    case 'none':
    case 'required':
      return choice.type;
    case 'tool':
      return { type: 'function', function: { name: choice.name } };
    default: {
      const unreachable: never = choice;
      return unreachable;
    }
  }
}

/** Canonical request → Chat Completions body, streamed with usage (an adapter may ask for the answer whole). Pure; warnings are appended. */
export function buildOpenAIRequest(
  request: ChatRequest,
  upstreamModel: string,
  warnings: ConversionWarning[],
  flavour: OpenAIFlavour,
): OpenAIChatBody {
  const system = request.system.length > 0 ? [{ role: 'system' as const, content: request.system.map((part) => part.text).join('\n\n') }] : [];
  const body: OpenAIChatBody = {
    model: upstreamModel,
    messages: [...system, ...convertToOpenAIMessages(request.messages, flavour, warnings)],
    stream: true,
    stream_options: { include_usage: true },
  };
  if (request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description === undefined ? {} : { description: tool.description }),
        parameters: tool.inputSchema,
      },
    }));
    if (request.parallelToolCalls !== undefined) body.parallel_tool_calls = request.parallelToolCalls;
  }
  if (request.toolChoice && (request.tools.length > 0 || request.toolChoice.type === 'none')) body.tool_choice = toToolChoice(request.toolChoice);
  if (request.maxOutputTokens !== undefined) {
    if (flavour === 'openai') body.max_completion_tokens = request.maxOutputTokens;
    else body.max_tokens = request.maxOutputTokens;
  }
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.topK !== undefined) {
    if (flavour === 'compatible') body.top_k = request.topK;
    else warnings.push({ feature: 'top_k', detail: 'top_k is not supported by OpenAI and was dropped.' });
  }
  if (request.stopSequences && request.stopSequences.length > 0) body.stop = request.stopSequences;
  const effort = toReasoningEffort(request.reasoning);
  if (effort) body.reasoning_effort = effort;
  if (request.user) body.user = request.user;
  const responseFormat = toOpenAIResponseFormat(request.responseFormat);
  if (responseFormat) body.response_format = responseFormat;
  return body;
}
