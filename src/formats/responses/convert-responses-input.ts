import type { AssistantContentPart, ChatMessage, TextPart, UserContentPart } from '../../core/chat-request.js';
import { parseToolInput } from '../../core/collect-stream.js';
import type { ConversionWarning } from '../../core/warning.js';
import { formatFieldPath, parseRequestBody } from '../parse-request-body.js';
import { convertResponsesContent } from './convert-responses-part.js';
import { customToolInput } from './custom-tool-input.js';
import {
  customToolCallItemSchema,
  functionCallItemSchema,
  messageItemSchema,
  reasoningItemSchema,
  toolOutputItemSchema,
} from './responses-request-schema.js';

export interface ConvertedInput {
  /** Leading system/developer messages (after `instructions`). */
  system: TextPart[];
  messages: ChatMessage[];
}

/**
 * Responses `input` items → canonical messages. Consecutive assistant-side items (output messages,
 * reasoning, function and custom tool calls) merge into one assistant turn and consecutive tool
 * outputs into one user turn, the way the other formats carry them. A reasoning item's summary comes
 * back as reasoning text and its `encrypted_content` as the signature; one with no summary becomes a
 * redacted reasoning part. Unknown item types (built-in tool calls, item references) are dropped with a warning.
 */
export function convertResponsesInput(input: string | Array<Record<string, unknown>> | null | undefined, warnings: ConversionWarning[]): ConvertedInput {
  const system: TextPart[] = [];
  const messages: ChatMessage[] = [];
  if (input === null || input === undefined) return { system, messages };
  if (typeof input === 'string') return { system, messages: [{ role: 'user', content: [{ type: 'text', text: input }] }] };

  const assistant = (): AssistantContentPart[] => {
    const last = messages.at(-1);
    if (last?.role === 'assistant') return last.content;
    const content: AssistantContentPart[] = [];
    messages.push({ role: 'assistant', content });
    return content;
  };
  const user = (mergeWithToolResults: boolean): UserContentPart[] => {
    const last = messages.at(-1);
    if (last?.role === 'user' && (!mergeWithToolResults || last.content.every((part) => part.type === 'tool-result'))) return last.content;
    const content: UserContentPart[] = [];
    messages.push({ role: 'user', content });
    return content;
  };

  input.forEach((item, index) => {
    const path = ['input', index];
    const type = typeof item.type === 'string' ? item.type : 'message';
    switch (type) {
      case 'message': {
        const message = parseRequestBody(messageItemSchema, item, path);
        const parts = convertResponsesContent(message.content, [...path, 'content'], warnings);
        if (message.role === 'system' || message.role === 'developer') {
          const text = parts.flatMap((part): TextPart[] => (part.type === 'text' ? [part] : []));
          if (text.length < parts.length) warnings.push({ feature: 'system_media', detail: `${formatFieldPath(path)}: only text is kept in ${message.role} messages` });
          if (messages.length === 0) system.push(...text);
          else if (text.length > 0) messages.push({ role: 'system', content: text });
        } else if (message.role === 'assistant') {
          const text = parts.flatMap((part): TextPart[] => (part.type === 'text' ? [part] : []));
          if (text.length > 0) assistant().push(...text);
        } else if (parts.length > 0) {
          user(false).push(...parts);
        }
        break;
      }
      case 'function_call': {
        const call = parseRequestBody(functionCallItemSchema, item, path);
        assistant().push({ type: 'tool-call', id: call.call_id, name: call.name, input: parseToolInput(call.arguments) });
        break;
      }
      case 'custom_tool_call': {
        const call = parseRequestBody(customToolCallItemSchema, item, path);
        assistant().push({ type: 'tool-call', id: call.call_id, name: call.name, input: customToolInput(call.input) });
        break;
      }
      case 'function_call_output':
      case 'custom_tool_call_output': {
        const output = parseRequestBody(toolOutputItemSchema, item, path);
        const content = convertResponsesContent(output.output, [...path, 'output'], warnings);
        user(true).push({ type: 'tool-result', toolCallId: output.call_id, content });
        break;
      }
      case 'reasoning': {
        const reasoning = parseRequestBody(reasoningItemSchema, item, path);
        const text = [...(reasoning.summary ?? []), ...(reasoning.content ?? [])].map((part) => part.text).join('\n\n');
        if (text !== '') assistant().push({ type: 'reasoning', text, ...(reasoning.encrypted_content ? { signature: reasoning.encrypted_content } : {}) });
        else if (reasoning.encrypted_content) assistant().push({ type: 'redacted-reasoning', data: reasoning.encrypted_content });
        break;
      }
      default:
        warnings.push({ feature: type, detail: `${formatFieldPath(path)}: "${type}" items are not carried across formats; item dropped` });
    }
  });
  return { system, messages };
}
