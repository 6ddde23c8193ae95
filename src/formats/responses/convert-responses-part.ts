import type { DocumentPart, ImagePart, TextPart } from '../../core/chat-request.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { ConversionWarning } from '../../core/warning.js';
import { parseDataUrl } from '../openai/parse-data-url.js';
import { formatFieldPath, parseRequestBody } from '../parse-request-body.js';
import { inputFilePartSchema, inputImagePartSchema, inputTextPartSchema, refusalPartSchema } from './responses-request-schema.js';

export type ResponsesInputPart = TextPart | ImagePart | DocumentPart;

function convertImage(part: unknown, path: PropertyKey[], warnings: ConversionWarning[]): ImagePart | undefined {
  const image = parseRequestBody(inputImagePartSchema, part, path);
  if (!image.image_url) {
    warnings.push({ feature: 'input_image', detail: `${formatFieldPath(path)}: file_id images need OpenAI's file store; part dropped` });
    return undefined;
  }
  const data = parseDataUrl(image.image_url);
  if (data) return { type: 'image', source: { kind: 'base64', mediaType: data.mediaType, data: data.data } };
  if (/^https?:\/\//i.test(image.image_url)) return { type: 'image', source: { kind: 'url', url: image.image_url } };
  const field = formatFieldPath([...path, 'image_url']);
  throw new InvalidRequestError(`${field}: expected an http(s) URL or a base64 data: URL`, { field });
}

function convertFile(part: unknown, path: PropertyKey[], warnings: ConversionWarning[]): DocumentPart | undefined {
  const file = parseRequestBody(inputFilePartSchema, part, path);
  const title = file.filename ? { title: file.filename } : {};
  const data = file.file_data ? parseDataUrl(file.file_data) : undefined;
  if (data) {
    const mediaType = data.mediaType === 'application/octet-stream' ? 'application/pdf' : data.mediaType;
    return { type: 'document', source: { kind: 'base64', mediaType, data: data.data }, ...title };
  }
  if (file.file_data) return { type: 'document', source: { kind: 'base64', mediaType: 'application/pdf', data: file.file_data }, ...title };
  if (file.file_url && /^https?:\/\//i.test(file.file_url)) return { type: 'document', source: { kind: 'url', url: file.file_url }, ...title };
  warnings.push({ feature: 'input_file', detail: `${formatFieldPath(path)}: file_id files need OpenAI's file store; part dropped` });
  return undefined;
}

/**
 * One content part of a Responses message or tool output → canonical, or undefined (with a warning)
 * for parts that cannot be carried. `refusal` becomes text, since the canonical model has no refusals.
 */
export function convertResponsesPart(part: { type: string }, path: PropertyKey[], warnings: ConversionWarning[]): ResponsesInputPart | undefined {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
    case 'text':
      return { type: 'text', text: parseRequestBody(inputTextPartSchema, part, path).text };
    case 'refusal':
      return { type: 'text', text: parseRequestBody(refusalPartSchema, part, path).refusal };
    case 'input_image':
      return convertImage(part, path, warnings);
    case 'input_file':
      return convertFile(part, path, warnings);
    default:
      warnings.push({ feature: part.type, detail: `${formatFieldPath(path)}: unsupported content part type; part dropped` });
      return undefined;
  }
}

/** A string or a part list → canonical parts. */
export function convertResponsesContent(
  content: string | Array<{ type: string }>,
  path: PropertyKey[],
  warnings: ConversionWarning[],
): ResponsesInputPart[] {
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  return content.flatMap((part, index) => convertResponsesPart(part, [...path, index], warnings) ?? []);
}
