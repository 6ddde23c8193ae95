import type { ChatMessage, DocumentPart, ImagePart, TextPart, UserContentPart } from '../../core/chat-request.js';
import { InternalError } from '../../core/errors/internal-error.js';
import type { ConversionWarning } from '../../core/warning.js';
import type { OpenAIContentPart, OpenAIFlavour, OpenAIMessage, OpenAIToolCall } from './openai-wire-types.js';

type Warn = (feature: string, detail: string) => void;

function toContentPart(part: TextPart | ImagePart | DocumentPart, flavour: OpenAIFlavour, warn: Warn): OpenAIContentPart | undefined {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image':
      return {
        type: 'image_url',
        image_url: { url: part.source.kind === 'base64' ? `data:${part.source.mediaType};base64,${part.source.data}` : part.source.url },
      };
    case 'document':
      if (part.source.kind === 'text') return { type: 'text', text: part.source.text };
      if (part.source.kind === 'base64' && flavour === 'openai') {
        return { type: 'file', file: { filename: part.title ?? 'document.pdf', file_data: `data:${part.source.mediaType};base64,${part.source.data}` } };
      }
      warn('document', 'A document could not be expressed for this upstream and was dropped.');
      return undefined;
    default: {
      const unreachable: never = part;
      throw new InternalError(`Unknown part ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Plain string content when every part is text: the most widely accepted form. */
const simplify = (parts: OpenAIContentPart[]): string | OpenAIContentPart[] =>
  parts.every((part) => part.type === 'text') ? parts.map((part) => (part as { text: string }).text).join('\n\n') : parts;

function convertUser(content: UserContentPart[], flavour: OpenAIFlavour, warn: Warn): OpenAIMessage[] {
  const result: OpenAIMessage[] = [];
  const parts: OpenAIContentPart[] = [];
  for (const part of content) {
    if (part.type !== 'tool-result') {
      const converted = toContentPart(part, flavour, warn);
      if (converted) parts.push(converted);
      continue;
    }
    const texts: string[] = [];
    for (const item of part.content) {
      if (item.type === 'text') texts.push(item.text);
      else if (item.type === 'document' && item.source.kind === 'text') texts.push(item.source.text);
      else warn('tool-result', 'Images and files in tool results are not supported by Chat Completions; only text was sent.');
    }
    const text = texts.join('\n');
    result.push({ role: 'tool', tool_call_id: part.toolCallId, content: part.isError && text !== '' ? `Error: ${text}` : text });
  }
  if (parts.length > 0) result.push({ role: 'user', content: simplify(parts) });
  return result;
}

/** Canonical messages → Chat Completions messages (tool results become `tool` messages). */
export function convertToOpenAIMessages(messages: ChatMessage[], flavour: OpenAIFlavour, warnings: ConversionWarning[]): OpenAIMessage[] {
  const warned = new Set<string>();
  const warn: Warn = (feature, detail) => {
    if (warned.has(detail)) return;
    warned.add(detail);
    warnings.push({ feature, detail });
  };
  const result: OpenAIMessage[] = [];
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        result.push({ role: 'system', content: message.content.map((part) => part.text).join('\n\n') });
        break;
      case 'user':
        result.push(...convertUser(message.content, flavour, warn));
        break;
      case 'assistant': {
        const texts: string[] = [];
        const reasoning: string[] = [];
        const toolCalls: OpenAIToolCall[] = [];
        for (const part of message.content) {
          if (part.type === 'text') texts.push(part.text);
          else if (part.type === 'reasoning') reasoning.push(part.text);
          else if (part.type === 'tool-call') {
            const args = typeof part.input === 'string' ? part.input : JSON.stringify(part.input ?? {});
            toolCalls.push({ id: part.id, type: 'function', function: { name: part.name, arguments: args } });
          } else warn('redacted-reasoning', 'Redacted reasoning cannot be sent to this upstream and was dropped.');
        }
        const assistant: OpenAIMessage = { role: 'assistant', content: texts.length > 0 ? texts.join('') : null };
        if (toolCalls.length > 0) assistant.tool_calls = toolCalls;
        if (flavour === 'compatible' && reasoning.length > 0) assistant.reasoning_content = reasoning.join('');
        if (assistant.content !== null || toolCalls.length > 0 || assistant.reasoning_content) result.push(assistant);
        break;
      }
      default: {
        const unreachable: never = message;
        throw new InternalError(`Unknown message ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return result;
}
