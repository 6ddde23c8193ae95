import type {
  AssistantContentPart,
  CacheControl,
  DocumentPart,
  ImagePart,
  MediaSource,
  TextPart,
  UserContentPart,
} from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import type { AnthropicCacheControl, AnthropicContentBlock, AnthropicMediaSource } from './anthropic-wire-types.js';

export const toAnthropicCacheControl = (cache: CacheControl | undefined): { cache_control?: AnthropicCacheControl } =>
  cache ? { cache_control: cache.ttl ? { type: 'ephemeral', ttl: cache.ttl } : { type: 'ephemeral' } } : {};

const toMediaSource = (source: MediaSource): AnthropicMediaSource =>
  source.kind === 'base64' ? { type: 'base64', media_type: source.mediaType, data: source.data } : { type: 'url', url: source.url };

export function toAnthropicText(part: TextPart): AnthropicContentBlock {
  return { type: 'text', text: part.text, ...toAnthropicCacheControl(part.cacheControl) };
}

function toAnthropicMedia(part: ImagePart | DocumentPart): AnthropicContentBlock {
  if (part.type === 'image') return { type: 'image', source: toMediaSource(part.source), ...toAnthropicCacheControl(part.cacheControl) };
  const source: AnthropicMediaSource =
    part.source.kind === 'text' ? { type: 'text', media_type: 'text/plain', data: part.source.text } : toMediaSource(part.source);
  return { type: 'document', source, ...(part.title ? { title: part.title } : {}), ...toAnthropicCacheControl(part.cacheControl) };
}

/** Tool inputs must be JSON objects on the Anthropic wire. */
function toToolInput(input: unknown): unknown {
  if (typeof input === 'string') {
    try {
      const parsed: unknown = JSON.parse(input);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
    } catch {
      return { input };
    }
    return { input };
  }
  return input && typeof input === 'object' && !Array.isArray(input) ? input : {};
}

export function toAnthropicUserBlock(part: UserContentPart): AnthropicContentBlock {
  switch (part.type) {
    case 'text':
      return toAnthropicText(part);
    case 'image':
    case 'document':
      return toAnthropicMedia(part);
    case 'tool-result':
      return {
        type: 'tool_result',
        tool_use_id: part.toolCallId,
        content: part.content.map((item) => (item.type === 'text' ? toAnthropicText(item) : toAnthropicMedia(item))),
        ...(part.isError ? { is_error: true } : {}),
        ...toAnthropicCacheControl(part.cacheControl),
      };
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
}

/** Assistant parts; unsigned reasoning cannot be replayed to Anthropic and is dropped with a warning. */
export function toAnthropicAssistantBlock(part: AssistantContentPart, warnings: ConversionWarning[]): AnthropicContentBlock | undefined {
  switch (part.type) {
    case 'text':
      return toAnthropicText(part);
    case 'tool-call':
      return { type: 'tool_use', id: part.id, name: part.name, input: toToolInput(part.input), ...toAnthropicCacheControl(part.cacheControl) };
    case 'reasoning':
      if (part.signature) return { type: 'thinking', thinking: part.text, signature: part.signature };
      warnings.push({ feature: 'reasoning', detail: 'Reasoning without a signature was dropped; Anthropic only accepts signed thinking.' });
      return undefined;
    case 'redacted-reasoning':
      return { type: 'redacted_thinking', data: part.data };
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
}
