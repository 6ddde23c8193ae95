import type { ChatMessage, ChatRequest, TextPart } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { parseRequestBody } from '../parse-request-body.js';
import { anthropicMessagesRequestSchema, type AnthropicMessagesRequestBody } from './anthropic-request-schema.js';
import { convertAnthropicCacheControl } from './convert-anthropic-cache-control.js';
import { convertAnthropicContent } from './convert-anthropic-content.js';
import { convertAnthropicOutputFormat } from './convert-anthropic-output-format.js';
import { convertAnthropicReasoning } from './convert-anthropic-reasoning.js';
import { convertAnthropicToolChoice, convertAnthropicTools } from './convert-anthropic-tools.js';

function systemParts(system: AnthropicMessagesRequestBody['system']): TextPart[] {
  if (system === null || system === undefined) return [];
  if (typeof system === 'string') return system === '' ? [] : [{ type: 'text', text: system }];
  return system.map((block) => ({ type: 'text', text: block.text, ...convertAnthropicCacheControl(block.cache_control) }));
}

/**
 * An Anthropic Messages request body (also a count_tokens body: `max_tokens` is optional here) → the
 * canonical request. Unknown top-level fields are ignored; malformed fields throw InvalidRequestError
 * naming the field. Role `system` messages before the first turn join `system`; later ones stay in place.
 */
export function parseAnthropicMessagesRequest(body: unknown): { request: ChatRequest; warnings: ConversionWarning[] } {
  const parsed = parseRequestBody(anthropicMessagesRequestSchema, body);
  const warnings: ConversionWarning[] = [];
  const system = systemParts(parsed.system);
  const messages: ChatMessage[] = [];
  parsed.messages.forEach((message, index) => {
    const path = ['messages', index, 'content'];
    switch (message.role) {
      case 'system': {
        const content = convertAnthropicContent('system', message.content, path, warnings);
        if (messages.length === 0) system.push(...content);
        else messages.push({ role: 'system', content });
        return;
      }
      case 'user':
        messages.push({ role: 'user', content: convertAnthropicContent('user', message.content, path, warnings) });
        return;
      case 'assistant':
        messages.push({ role: 'assistant', content: convertAnthropicContent('assistant', message.content, path, warnings) });
        return;
      default: {
        const unreachable: never = message.role;
        return unreachable;
      }
    }
  });

  const request: ChatRequest = {
    model: parsed.model,
    system,
    messages,
    tools: convertAnthropicTools(parsed, warnings),
    stream: parsed.stream ?? false,
    ...convertAnthropicToolChoice(parsed),
  };
  if (parsed.max_tokens) request.maxOutputTokens = parsed.max_tokens;
  if (typeof parsed.temperature === 'number') request.temperature = parsed.temperature;
  if (typeof parsed.top_p === 'number') request.topP = parsed.top_p;
  if (typeof parsed.top_k === 'number') request.topK = parsed.top_k;
  if (parsed.stop_sequences && parsed.stop_sequences.length > 0) request.stopSequences = parsed.stop_sequences;
  const reasoning = convertAnthropicReasoning(parsed, warnings);
  if (reasoning) request.reasoning = reasoning;
  if (parsed.metadata?.user_id) request.user = parsed.metadata.user_id;
  const responseFormat = convertAnthropicOutputFormat(parsed);
  if (responseFormat) request.responseFormat = responseFormat;
  return { request, warnings };
}
