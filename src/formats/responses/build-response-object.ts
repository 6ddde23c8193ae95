import type { FinishReason } from '../../core/finish-reason.js';
import { totalPromptTokens, type Usage } from '../../core/usage.js';
import type { GatewayError } from '../../core/errors/gateway-error.js';
import type { ResponsesRequestEcho } from './parse-responses-request.js';
import type { OutputItem } from './responses-output-item.js';

export type ResponseStatus = 'in_progress' | 'completed' | 'incomplete' | 'failed';

export interface ResponsesUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

/** The whole prompt counts as input, cached or not; cache reads are reported as `cached_tokens`. */
export function renderResponsesUsage(usage: Usage): ResponsesUsage {
  const input = totalPromptTokens(usage);
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: usage.cacheReadTokens },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
    total_tokens: input + usage.outputTokens,
  };
}

/** A finish reason → the Response's status and, when it stopped early, why. */
export function responseStatusOf(reason: FinishReason): { status: ResponseStatus; incompleteReason?: 'max_output_tokens' | 'content_filter' } {
  switch (reason) {
    case 'length':
    case 'context-exceeded':
      return { status: 'incomplete', incompleteReason: 'max_output_tokens' };
    case 'content-filter':
      return { status: 'incomplete', incompleteReason: 'content_filter' };
    case 'stop':
    case 'stop-sequence':
    case 'tool-calls':
    case 'pause':
    case 'error':
    case 'other':
      return { status: 'completed' };
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}

export interface ResponseObjectInput {
  id: string;
  createdAt: number;
  model: string;
  status: ResponseStatus;
  output: OutputItem[];
  usage?: Usage;
  incompleteReason?: 'max_output_tokens' | 'content_filter';
  error?: GatewayError;
}

/** The `response` object: what this answer holds, plus the request settings OpenAI echoes back. */
export function buildResponseObject(input: ResponseObjectInput, echo: ResponsesRequestEcho): Record<string, unknown> {
  const body = echo.body;
  const format = body.text?.format ?? { type: 'text' };
  return {
    id: input.id,
    object: 'response',
    created_at: input.createdAt,
    status: input.status,
    ...(input.status === 'completed' ? { completed_at: Math.floor(Date.now() / 1000) } : {}),
    background: false,
    error: input.error ? { code: input.error.status === 429 ? 'rate_limit_exceeded' : 'server_error', message: input.error.message } : null,
    incomplete_details: input.incompleteReason ? { reason: input.incompleteReason } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: input.model,
    output: input.output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    prompt_cache_key: body.prompt_cache_key ?? null,
    reasoning: { effort: body.reasoning?.effort ?? null, summary: body.reasoning?.summary ?? null },
    safety_identifier: body.safety_identifier ?? null,
    service_tier: 'default',
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: { format, ...(body.text?.verbosity ? { verbosity: body.text.verbosity } : {}) },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? 'disabled',
    usage: input.usage ? renderResponsesUsage(input.usage) : null,
    user: body.user ?? null,
    metadata: body.metadata ?? {},
  };
}
