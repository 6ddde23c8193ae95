import type { AssistantContentPart, TextPart, ToolResultPart, UserContentPart } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { formatFieldPath, parseRequestBody } from '../parse-request-body.js';
import {
  anthropicRedactedThinkingBlockSchema,
  anthropicTextBlockSchema,
  anthropicThinkingBlockSchema,
  anthropicToolResultBlockSchema,
  anthropicToolUseBlockSchema,
  type AnthropicContent,
} from './anthropic-request-schema.js';
import { convertAnthropicCacheControl } from './convert-anthropic-cache-control.js';
import { convertAnthropicMedia } from './convert-anthropic-media.js';

type Role = 'user' | 'assistant' | 'system';
type Block = { type: string };
type AnyPart = UserContentPart | AssistantContentPart;

const allowed: Record<Role, ReadonlySet<string>> = {
  user: new Set(['text', 'image', 'document', 'tool_result']),
  assistant: new Set(['text', 'tool_use', 'thinking', 'redacted_thinking']),
  system: new Set(['text']),
};

function textBlock(block: Block, path: PropertyKey[]): TextPart {
  const text = parseRequestBody(anthropicTextBlockSchema, block, path);
  return { type: 'text', text: text.text, ...convertAnthropicCacheControl(text.cache_control) };
}

function toolResult(block: Block, path: PropertyKey[], warnings: ConversionWarning[]): ToolResultPart {
  const result = parseRequestBody(anthropicToolResultBlockSchema, block, path);
  const content: ToolResultPart['content'] = [];
  if (typeof result.content === 'string') content.push({ type: 'text', text: result.content });
  else {
    result.content?.forEach((inner, index) => {
      const innerPath = [...path, 'content', index];
      if (inner.type === 'text') content.push(textBlock(inner, innerPath));
      else if (inner.type === 'image' || inner.type === 'document') {
        const media = convertAnthropicMedia(inner, innerPath, warnings);
        if (media) content.push(media);
      } else warnings.push({ feature: inner.type, detail: `${formatFieldPath(innerPath)}: unsupported tool result block; dropped` });
    });
  }
  return {
    type: 'tool-result',
    toolCallId: result.tool_use_id,
    content,
    ...(result.is_error ? { isError: true } : {}),
    ...convertAnthropicCacheControl(result.cache_control),
  };
}

function convertBlock(block: Block, path: PropertyKey[], warnings: ConversionWarning[]): AnyPart | undefined {
  switch (block.type) {
    case 'text':
      return textBlock(block, path);
    case 'image':
    case 'document':
      return convertAnthropicMedia(block, path, warnings);
    case 'tool_use': {
      const call = parseRequestBody(anthropicToolUseBlockSchema, block, path);
      return { type: 'tool-call', id: call.id, name: call.name, input: call.input ?? {}, ...convertAnthropicCacheControl(call.cache_control) };
    }
    case 'tool_result':
      return toolResult(block, path, warnings);
    case 'thinking': {
      const thinking = parseRequestBody(anthropicThinkingBlockSchema, block, path);
      return { type: 'reasoning', text: thinking.thinking, ...(thinking.signature ? { signature: thinking.signature } : {}) };
    }
    case 'redacted_thinking':
      return { type: 'redacted-reasoning', data: parseRequestBody(anthropicRedactedThinkingBlockSchema, block, path).data };
    default:
      return undefined;
  }
}

/**
 * Content of one Anthropic message → canonical parts allowed for its role. Server-side tool blocks
 * (server_tool_use, web_search_tool_result, …), unknown blocks and blocks in the wrong role are
 * dropped with a warning; malformed known blocks throw a 400 naming the field.
 */
export function convertAnthropicContent(role: 'user', content: AnthropicContent, path: PropertyKey[], warnings: ConversionWarning[]): UserContentPart[];
export function convertAnthropicContent(role: 'assistant', content: AnthropicContent, path: PropertyKey[], warnings: ConversionWarning[]): AssistantContentPart[];
export function convertAnthropicContent(role: 'system', content: AnthropicContent, path: PropertyKey[], warnings: ConversionWarning[]): TextPart[];
export function convertAnthropicContent(role: Role, content: AnthropicContent, path: PropertyKey[], warnings: ConversionWarning[]): AnyPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  const parts: AnyPart[] = [];
  content.forEach((block, index) => {
    const blockPath = [...path, index];
    if (!allowed[role].has(block.type)) {
      warnings.push({ feature: block.type, detail: `${formatFieldPath(blockPath)}: not supported in a ${role} message; block dropped` });
      return;
    }
    const part = convertBlock(block, blockPath, warnings);
    if (part) parts.push(part);
  });
  return parts;
}
