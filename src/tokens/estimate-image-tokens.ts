import type { MediaSource } from '../core/chat-request.js';
import { readImageSize } from './read-image-size.js';

/** Anthropic's vision guide: tokens ≈ width × height / 750, after downscaling to at most 1568 px on the long edge. */
const pixelsPerToken = 750;
const longEdgeLimit = 1568;
/** The documented ceiling (about 1.15 megapixels) is roughly 1,600 tokens; also used when the size is unknown. */
export const maxImageTokens = 1600;
/** Enough base64 to reach a JPEG start-of-frame behind large EXIF/ICC segments without decoding the whole image. */
const headerBase64Chars = 256 * 1024;

export function estimateImageTokens(source: MediaSource): number {
  if (source.kind !== 'base64') return maxImageTokens;
  const prefix = source.data.slice(0, headerBase64Chars - (headerBase64Chars % 4));
  const size = readImageSize(Buffer.from(prefix, 'base64'));
  if (!size) return maxImageTokens;
  const scale = Math.min(1, longEdgeLimit / Math.max(size.width, size.height));
  const pixels = Math.round(size.width * scale) * Math.round(size.height * scale);
  return Math.min(maxImageTokens, Math.max(1, Math.ceil(pixels / pixelsPerToken)));
}
