import type { AssistantContentPart, ChatMessage, TextPart, ToolResultPart, UserContentPart } from '../../core/chat-request.js';
import { InternalError } from '../../core/errors/internal-error.js';
import { parseToolInput } from '../../core/collect-stream.js';
import type { ConversionWarning } from '../../core/warning.js';
import { formatFieldPath, parseRequestBody } from '../parse-request-body.js';
import { convertOpenAIUserPart } from './convert-openai-user-part.js';
import { openAIRefusalPartSchema, openAITextPartSchema, type OpenAIContent, type OpenAIMessage } from './openai-request-schema.js';

type AssistantMessage = Extract<OpenAIMessage, { role: 'assistant' }>;

/** Text-only content (system, developer, tool): other part types are dropped with a warning. */
function textParts(content: OpenAIContent | null | undefined, path: PropertyKey[], warnings: ConversionWarning[]): TextPart[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.flatMap((part, index): TextPart[] => {
    const partPath = [...path, index];
    if (part.type === 'text') return [{ type: 'text', text: parseRequestBody(openAITextPartSchema, part, partPath).text }];
    warnings.push({ feature: part.type, detail: `${formatFieldPath(partPath)}: only text parts are allowed here; part dropped` });
    return [];
  });
}

function userParts(content: OpenAIContent, path: PropertyKey[], warnings: ConversionWarning[]): UserContentPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.flatMap((part, index) => convertOpenAIUserPart(part, [...path, index], warnings) ?? []);
}

function toolInput(value: string | Record<string, unknown> | null | undefined): unknown {
  if (value === null || value === undefined) return {};
  return typeof value === 'string' ? parseToolInput(value) : value;
}

function assistantParts(
  message: AssistantMessage,
  path: PropertyKey[],
  legacyCallId: string,
  warnings: ConversionWarning[],
): AssistantContentPart[] {
  const parts: AssistantContentPart[] = [];
  const reasoning = message.reasoning_content ?? message.reasoning;
  if (reasoning) parts.push({ type: 'reasoning', text: reasoning });
  const content = message.content;
  if (typeof content === 'string') {
    if (content !== '') parts.push({ type: 'text', text: content });
  } else if (content) {
    content.forEach((part, index) => {
      const partPath = [...path, 'content', index];
      if (part.type === 'refusal') parts.push({ type: 'text', text: parseRequestBody(openAIRefusalPartSchema, part, partPath).refusal });
      else if (part.type === 'text') parts.push({ type: 'text', text: parseRequestBody(openAITextPartSchema, part, partPath).text });
      else warnings.push({ feature: part.type, detail: `${formatFieldPath(partPath)}: not supported in an assistant message; part dropped` });
    });
  }
  for (const call of message.tool_calls ?? []) {
    parts.push({ type: 'tool-call', id: call.id, name: call.function.name, input: toolInput(call.function.arguments) });
  }
  if (message.function_call) {
    parts.push({ type: 'tool-call', id: legacyCallId, name: message.function_call.name, input: toolInput(message.function_call.arguments) });
  }
  return parts;
}

/**
 * OpenAI messages → canonical system prompt and turns. Leading system/developer messages form `system`;
 * later ones stay in place as system messages. Consecutive `tool` (and legacy `function`) messages merge
 * into one user turn of tool results.
 */
export function convertOpenAIMessages(
  messages: OpenAIMessage[],
  warnings: ConversionWarning[],
): { system: TextPart[]; messages: ChatMessage[] } {
  const system: TextPart[] = [];
  const turns: ChatMessage[] = [];
  const legacyCallIds = new Map<string, string>();
  let toolTurn: ToolResultPart[] | undefined;

  const addToolResult = (result: ToolResultPart): void => {
    if (!toolTurn) {
      toolTurn = [];
      turns.push({ role: 'user', content: toolTurn });
    }
    toolTurn.push(result);
  };

  messages.forEach((message, index) => {
    const path: PropertyKey[] = ['messages', index];
    if (message.role !== 'tool' && message.role !== 'function') toolTurn = undefined;
    switch (message.role) {
      case 'system':
      case 'developer': {
        const content = textParts(message.content, [...path, 'content'], warnings);
        if (turns.length === 0) system.push(...content);
        else turns.push({ role: 'system', content });
        return;
      }
      case 'user':
        turns.push({ role: 'user', content: userParts(message.content, [...path, 'content'], warnings) });
        return;
      case 'assistant': {
        const legacyCallId = `call_legacy_${index}`;
        if (message.function_call) legacyCallIds.set(message.function_call.name, legacyCallId);
        const content = assistantParts(message, path, legacyCallId, warnings);
        if (content.length > 0) turns.push({ role: 'assistant', content });
        else warnings.push({ feature: 'empty-assistant-message', detail: `${formatFieldPath(path)}: no content; message dropped` });
        return;
      }
      case 'tool':
        addToolResult({ type: 'tool-result', toolCallId: message.tool_call_id, content: textParts(message.content, [...path, 'content'], warnings) });
        return;
      case 'function': {
        const toolCallId = legacyCallIds.get(message.name) ?? `call_legacy_${message.name}`;
        addToolResult({ type: 'tool-result', toolCallId, content: textParts(message.content, [...path, 'content'], warnings) });
        return;
      }
      default: {
        const unreachable: never = message;
        throw new InternalError(`Unknown message ${JSON.stringify(unreachable)}`);
      }
    }
  });
  return { system, messages: turns };
}
