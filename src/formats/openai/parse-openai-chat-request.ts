import type { ChatRequest, ReasoningConfig } from '../../core/chat-request.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { ConversionWarning } from '../../core/warning.js';
import { parseRequestBody } from '../parse-request-body.js';
import { convertOpenAIMessages } from './convert-openai-messages.js';
import { convertOpenAITools, convertOpenAIToolChoice } from './convert-openai-tools.js';
import { openAIChatRequestSchema, type OpenAIChatRequestBody } from './openai-request-schema.js';

function reasoningConfig(effort: OpenAIChatRequestBody['reasoning_effort']): ReasoningConfig | undefined {
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

/**
 * An OpenAI Chat Completions request body → the canonical request. Unknown fields are ignored;
 * real errors (missing model or messages, wrong types, `n` > 1) throw InvalidRequestError naming the field.
 */
export function parseOpenAIChatRequest(body: unknown): { request: ChatRequest; warnings: ConversionWarning[] } {
  const parsed = parseRequestBody(openAIChatRequestSchema, body);
  if (parsed.n !== null && parsed.n !== undefined && parsed.n > 1) {
    throw new InvalidRequestError('n: only one choice per request is supported', { field: 'n' });
  }
  const warnings: ConversionWarning[] = [];
  const { system, messages } = convertOpenAIMessages(parsed.messages, warnings);
  const format = parsed.response_format?.type;
  if (format && format !== 'text') {
    warnings.push({ feature: 'response_format', detail: `response_format "${format}" is not enforced; dropped` });
  }
  const stop = parsed.stop;
  const request: ChatRequest = {
    model: parsed.model,
    system,
    messages,
    tools: convertOpenAITools(parsed, warnings),
    stream: parsed.stream ?? false,
  };
  const toolChoice = convertOpenAIToolChoice(parsed, warnings);
  if (toolChoice) request.toolChoice = toolChoice;
  if (typeof parsed.parallel_tool_calls === 'boolean') request.parallelToolCalls = parsed.parallel_tool_calls;
  const maxOutputTokens = parsed.max_completion_tokens ?? parsed.max_tokens;
  if (maxOutputTokens) request.maxOutputTokens = maxOutputTokens;
  if (typeof parsed.temperature === 'number') request.temperature = parsed.temperature;
  if (typeof parsed.top_p === 'number') request.topP = parsed.top_p;
  if (typeof parsed.top_k === 'number') request.topK = parsed.top_k;
  if (stop !== null && stop !== undefined) request.stopSequences = typeof stop === 'string' ? [stop] : stop;
  const reasoning = reasoningConfig(parsed.reasoning_effort);
  if (reasoning) request.reasoning = reasoning;
  if (typeof parsed.stream_options?.include_usage === 'boolean') request.includeUsage = parsed.stream_options.include_usage;
  if (parsed.user) request.user = parsed.user;
  return { request, warnings };
}
