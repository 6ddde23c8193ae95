import type { ChatRequest } from '../../core/chat-request.js';
import type { GatewayError } from '../../core/errors/gateway-error.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { ConversionWarning } from '../../core/warning.js';
import { reasoningFromEffort } from './reasoning-from-effort.js';
import { parseRequestBody } from '../parse-request-body.js';
import { convertOpenAIMessages } from './convert-openai-messages.js';
import { convertOpenAIResponseFormat } from './convert-openai-response-format.js';
import { convertOpenAITools, convertOpenAIToolChoice } from './convert-openai-tools.js';
import { openAIChatRequestSchema, type OpenAIChatRequestBody } from './openai-request-schema.js';

export interface ParsedOpenAIChatRequest {
  request: ChatRequest;
  warnings: ConversionWarning[];
  /** Set when only an OpenAI-shaped account can serve the request unchanged (`n` > 1); the error otherwise. */
  passthroughOnly?: GatewayError;
}

/**
 * An OpenAI Chat Completions request body → the canonical request. Unknown fields are ignored;
 * real errors (missing model or messages, wrong types) throw InvalidRequestError naming the field.
 */
export function parseOpenAIChatRequest(body: unknown): ParsedOpenAIChatRequest {
  const parsed = parseRequestBody(openAIChatRequestSchema, body);
  const warnings: ConversionWarning[] = [];
  const { system, messages } = convertOpenAIMessages(parsed.messages, warnings);
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
  const reasoning = reasoningFromEffort(parsed.reasoning_effort);
  if (reasoning) request.reasoning = reasoning;
  if (typeof parsed.stream_options?.include_usage === 'boolean') request.includeUsage = parsed.stream_options.include_usage;
  if (parsed.user) request.user = parsed.user;
  const responseFormat = convertOpenAIResponseFormat(parsed.response_format);
  if (responseFormat && responseFormat.type !== 'text') request.responseFormat = responseFormat;
  const choices = parsed.n ?? 1;
  if (choices > 1) {
    const passthroughOnly = new InvalidRequestError(
      `n: ${choices} choices per request are only served by accounts that take OpenAI Chat requests unchanged, and none serves the model ${parsed.model}; send n: 1.`,
      { field: 'n' },
    );
    return { request, warnings, passthroughOnly };
  }
  return { request, warnings };
}
