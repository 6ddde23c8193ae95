import { describe, expect, it } from 'vitest';
import { gifHeader, jpegHeader, pngHeader, webpExtendedHeader, webpLosslessHeader, webpLossyHeader } from './__fixtures__/image-headers.js';
import { readImageSize } from './read-image-size.js';

describe('readImageSize', () => {
  it.each([
    ['PNG', pngHeader(1092, 1092)],
    ['GIF', gifHeader(1092, 1092)],
    ['JPEG', jpegHeader(1092, 1092)],
    ['WebP VP8X', webpExtendedHeader(1092, 1092)],
    ['WebP VP8L', webpLosslessHeader(1092, 1092)],
    ['WebP VP8', webpLossyHeader(1092, 1092)],
  ])('reads %s dimensions', (_format, bytes) => {
    expect(readImageSize(bytes)).toEqual({ width: 1092, height: 1092 });
  });

  it('reads non-square sizes', () => {
    expect(readImageSize(pngHeader(4000, 300))).toEqual({ width: 4000, height: 300 });
    expect(readImageSize(jpegHeader(640, 480))).toEqual({ width: 640, height: 480 });
    expect(readImageSize(webpLosslessHeader(16383, 2))).toEqual({ width: 16383, height: 2 });
  });

  it('returns undefined for unknown or truncated data', () => {
    expect(readImageSize(new TextEncoder().encode('not an image at all, just some text'))).toBeUndefined();
    expect(readImageSize(pngHeader(10, 10).subarray(0, 12))).toBeUndefined();
    expect(readImageSize(pngHeader(0, 10))).toBeUndefined();
  });
});
