import type { ChatRequest, ReasoningConfig, ReasoningEffort, ToolChoice } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { convertToGeminiContents } from './convert-to-gemini-contents.js';
import type { GeminiWireRequest } from './gemini-wire-types.js';

type GenerationConfig = NonNullable<GeminiWireRequest['generationConfig']>;
type ThinkingConfig = NonNullable<GenerationConfig['thinkingConfig']>;

/** Thinking budgets for an effort on models that take a budget (Gemini 2.5). */
const budgetForEffort: Record<ReasoningEffort, number> = { minimal: 512, low: 1024, medium: 8192, high: 24_576, max: 32_768 };

/** Gemini 3 takes a thinking level; earlier models a token budget (-1 lets the model decide). */
function thinkingConfig(reasoning: ReasoningConfig | undefined, upstreamModel: string): ThinkingConfig | undefined {
  if (!reasoning) return undefined;
  const usesLevels = /^gemini-3/.test(upstreamModel);
  switch (reasoning.mode) {
    case 'disabled':
      return usesLevels ? { thinkingLevel: 'low' } : { thinkingBudget: 0 };
    case 'adaptive':
      if (usesLevels) return { thinkingLevel: reasoning.effort === 'low' || reasoning.effort === 'minimal' ? 'low' : 'high', includeThoughts: true };
      return { thinkingBudget: reasoning.effort ? budgetForEffort[reasoning.effort] : -1, includeThoughts: true };
    case 'enabled': {
      if (usesLevels) {
        const low = reasoning.effort === 'low' || reasoning.effort === 'minimal' || (reasoning.budgetTokens !== undefined && reasoning.budgetTokens <= 2048);
        return { thinkingLevel: low ? 'low' : 'high', includeThoughts: true };
      }
      const budget = reasoning.budgetTokens ?? (reasoning.effort ? budgetForEffort[reasoning.effort] : -1);
      return { thinkingBudget: budget, includeThoughts: true };
    }
    default: {
      const unreachable: never = reasoning.mode;
      return unreachable;
    }
  }
}

function toolConfig(choice: ToolChoice): NonNullable<GeminiWireRequest['toolConfig']> {
  switch (choice.type) {
    case 'auto':
      return { functionCallingConfig: { mode: 'AUTO' } };
    case 'none':
      return { functionCallingConfig: { mode: 'NONE' } };
    case 'required':
      return { functionCallingConfig: { mode: 'ANY' } };
    case 'tool':
      return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.name] } };
    default: {
      const unreachable: never = choice;
      return unreachable;
    }
  }
}

/** Canonical request → Gemini `generateContent` body (the model goes in the URL). Pure; warnings are appended. */
export function buildGeminiRequest(request: ChatRequest, upstreamModel: string, warnings: ConversionWarning[]): GeminiWireRequest {
  const body: GeminiWireRequest = { contents: convertToGeminiContents(request.messages, warnings) };
  const system = request.system.map((part) => part.text).filter((text) => text !== '');
  if (system.length > 0) body.systemInstruction = { parts: system.map((text) => ({ text })) };
  if (request.tools.length > 0) {
    body.tools = [
      {
        functionDeclarations: request.tools.map((tool) => ({
          name: tool.name,
          ...(tool.description ? { description: tool.description } : {}),
          parametersJsonSchema: tool.inputSchema,
        })),
      },
    ];
    if (request.toolChoice) body.toolConfig = toolConfig(request.toolChoice);
  }
  if (request.parallelToolCalls === false) warnings.push({ feature: 'parallel_tool_calls', detail: 'Gemini cannot be told to make one call at a time' });
  const config: GenerationConfig = {};
  if (request.maxOutputTokens) config.maxOutputTokens = request.maxOutputTokens;
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.topP !== undefined) config.topP = request.topP;
  if (request.topK !== undefined) config.topK = request.topK;
  if (request.stopSequences && request.stopSequences.length > 0) config.stopSequences = request.stopSequences.slice(0, 5);
  const format = request.responseFormat;
  if (format && format.type !== 'text') {
    config.responseMimeType = 'application/json';
    if (format.type === 'json-schema') config.responseJsonSchema = format.schema;
  }
  const thinking = thinkingConfig(request.reasoning, upstreamModel);
  if (thinking) config.thinkingConfig = thinking;
  if (Object.keys(config).length > 0) body.generationConfig = config;
  return body;
}
