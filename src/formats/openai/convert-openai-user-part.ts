import type { DocumentPart, ImagePart, TextPart } from '../../core/chat-request.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { ConversionWarning } from '../../core/warning.js';
import { formatFieldPath, parseRequestBody } from '../parse-request-body.js';
import { openAIFilePartSchema, openAIImagePartSchema, openAITextPartSchema } from './openai-request-schema.js';
import { parseDataUrl } from './parse-data-url.js';

export type OpenAIUserPart = TextPart | ImagePart | DocumentPart;

function convertImage(url: string, path: PropertyKey[]): ImagePart {
  const data = parseDataUrl(url);
  if (data) return { type: 'image', source: { kind: 'base64', mediaType: data.mediaType, data: data.data } };
  if (/^https?:\/\//i.test(url)) return { type: 'image', source: { kind: 'url', url } };
  const field = formatFieldPath([...path, 'image_url', 'url']);
  throw new InvalidRequestError(`${field}: expected an http(s) URL or a base64 data: URL`, { field });
}

/**
 * One OpenAI user content part → canonical, or undefined (with a warning) for parts we cannot carry.
 * `path` names the part in error messages, e.g. `messages[2].content[1]`.
 */
export function convertOpenAIUserPart(
  part: { type: string },
  path: PropertyKey[],
  warnings: ConversionWarning[],
): OpenAIUserPart | undefined {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: parseRequestBody(openAITextPartSchema, part, path).text };
    case 'image_url': {
      const image = parseRequestBody(openAIImagePartSchema, part, path).image_url;
      return convertImage(typeof image === 'string' ? image : image.url, path);
    }
    case 'file': {
      const file = parseRequestBody(openAIFilePartSchema, part, path).file;
      const data = file.file_data ? parseDataUrl(file.file_data) : undefined;
      if (data) {
        return {
          type: 'document',
          source: { kind: 'base64', mediaType: data.mediaType === 'application/octet-stream' ? 'application/pdf' : data.mediaType, data: data.data },
          ...(file.filename ? { title: file.filename } : {}),
        };
      }
      warnings.push({ feature: 'file', detail: `${formatFieldPath(path)}: only inline base64 file_data is supported; part dropped` });
      return undefined;
    }
    case 'input_audio':
      warnings.push({ feature: 'input_audio', detail: `${formatFieldPath(path)}: audio input is not supported; part dropped` });
      return undefined;
    default:
      warnings.push({ feature: part.type, detail: `${formatFieldPath(path)}: unsupported content part type; part dropped` });
      return undefined;
  }
}
