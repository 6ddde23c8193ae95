import type { DocumentPart, ImagePart } from '../../core/chat-request.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { ConversionWarning } from '../../core/warning.js';
import { formatFieldPath, parseRequestBody } from '../parse-request-body.js';
import { anthropicMediaBlockSchema, type AnthropicSource } from './anthropic-request-schema.js';
import { convertAnthropicCacheControl } from './convert-anthropic-cache-control.js';

function required(value: string | null | undefined, path: PropertyKey[], name: string): string {
  if (typeof value === 'string') return value;
  const field = formatFieldPath([...path, 'source', name]);
  throw new InvalidRequestError(`${field}: required`, { field });
}

/** Text of a `content` document source: a string or text blocks joined by blank lines. */
function contentText(content: AnthropicSource['content']): string {
  if (typeof content === 'string') return content;
  return (content ?? []).flatMap((block) => (block.type === 'text' && typeof block.text === 'string' ? [block.text] : [])).join('\n\n');
}

/** An Anthropic `image` or `document` block → canonical, or undefined (with a warning) for `file` sources. */
export function convertAnthropicMedia(
  block: { type: string },
  path: PropertyKey[],
  warnings: ConversionWarning[],
): ImagePart | DocumentPart | undefined {
  const media = parseRequestBody(anthropicMediaBlockSchema, block, path);
  const cache = convertAnthropicCacheControl(media.cache_control);
  const source = media.source;
  if (media.type === 'image') {
    switch (source.type) {
      case 'base64':
        return { type: 'image', source: { kind: 'base64', mediaType: required(source.media_type, path, 'media_type'), data: required(source.data, path, 'data') }, ...cache };
      case 'url':
        return { type: 'image', source: { kind: 'url', url: required(source.url, path, 'url') }, ...cache };
      default:
        warnings.push({ feature: `image-source:${source.type}`, detail: `${formatFieldPath(path)}: unsupported image source; block dropped` });
        return undefined;
    }
  }
  const title = media.title ? { title: media.title } : {};
  switch (source.type) {
    case 'base64':
      return { type: 'document', source: { kind: 'base64', mediaType: source.media_type ?? 'application/pdf', data: required(source.data, path, 'data') }, ...title, ...cache };
    case 'url':
      return { type: 'document', source: { kind: 'url', url: required(source.url, path, 'url'), mediaType: 'application/pdf' }, ...title, ...cache };
    case 'text':
      return { type: 'document', source: { kind: 'text', text: required(source.data, path, 'data') }, ...title, ...cache };
    case 'content':
      return { type: 'document', source: { kind: 'text', text: contentText(source.content) }, ...title, ...cache };
    default:
      warnings.push({ feature: `document-source:${source.type}`, detail: `${formatFieldPath(path)}: unsupported document source; block dropped` });
      return undefined;
  }
}
