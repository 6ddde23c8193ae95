import type { ChatRequest, ResponseFormat } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { reasoningFromEffort } from '../openai/reasoning-from-effort.js';
import { parseRequestBody } from '../parse-request-body.js';
import { convertResponsesInput } from './convert-responses-input.js';
import { convertResponsesToolChoice, convertResponsesTools } from './convert-responses-tools.js';
import { responsesRequestSchema, type ResponsesRequestBody } from './responses-request-schema.js';

/**
 * What the renderers need of the request besides the canonical stream: the fields a Response echoes.
 * Not the input, which a Response does not echo, and which the renderer would keep for as long as the
 * answer streams (a coding agent's whole conversation).
 */
export interface ResponsesRequestEcho {
  body: Omit<ResponsesRequestBody, 'input'>;
  customToolNames: ReadonlySet<string>;
}

function responseFormat(format: NonNullable<ResponsesRequestBody['text']>['format']): ResponseFormat | undefined {
  if (!format) return undefined;
  switch (format.type) {
    case 'text':
      return { type: 'text' };
    case 'json_object':
      return { type: 'json-object' };
    case 'json_schema':
      return {
        type: 'json-schema',
        name: format.name,
        schema: format.schema,
        ...(format.description ? { description: format.description } : {}),
        ...(typeof format.strict === 'boolean' ? { strict: format.strict } : {}),
      };
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

/**
 * An OpenAI Responses request body → the canonical request. `previous_response_id` must already be
 * resolved into `input` by the caller (it needs the store). Real errors throw InvalidRequestError
 * naming the field; what cannot be carried is dropped with a warning.
 */
export function parseResponsesRequest(body: unknown): { request: ChatRequest; warnings: ConversionWarning[]; echo: ResponsesRequestEcho } {
  const parsed = parseRequestBody(responsesRequestSchema, body);
  const warnings: ConversionWarning[] = [];
  const input = convertResponsesInput(parsed.input as string | Array<Record<string, unknown>> | null | undefined, warnings);
  const { tools, customToolNames } = convertResponsesTools(parsed, warnings);
  const request: ChatRequest = {
    model: parsed.model,
    system: [...(parsed.instructions ? [{ type: 'text' as const, text: parsed.instructions }] : []), ...input.system],
    messages: input.messages,
    tools,
    stream: parsed.stream ?? false,
  };
  const toolChoice = convertResponsesToolChoice(parsed.tool_choice, warnings);
  if (toolChoice) request.toolChoice = toolChoice;
  if (typeof parsed.parallel_tool_calls === 'boolean') request.parallelToolCalls = parsed.parallel_tool_calls;
  if (parsed.max_output_tokens) request.maxOutputTokens = parsed.max_output_tokens;
  if (typeof parsed.temperature === 'number') request.temperature = parsed.temperature;
  if (typeof parsed.top_p === 'number') request.topP = parsed.top_p;
  const reasoning = reasoningFromEffort(parsed.reasoning?.effort);
  if (reasoning) request.reasoning = reasoning;
  const format = responseFormat(parsed.text?.format);
  if (format) request.responseFormat = format;
  const user = parsed.safety_identifier ?? parsed.user;
  if (user) request.user = user;
  if (request.stream) request.includeUsage = true;
  const { input: _input, ...echoed } = parsed;
  return { request, warnings, echo: { body: echoed, customToolNames } };
}
