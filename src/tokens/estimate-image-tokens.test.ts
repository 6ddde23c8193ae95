import { describe, expect, it } from 'vitest';
import { jpegHeader, pngHeader, toBase64 } from './__fixtures__/image-headers.js';
import { estimateImageTokens, maxImageTokens } from './estimate-image-tokens.js';

const base64Image = (bytes: Uint8Array) => ({ kind: 'base64' as const, mediaType: 'image/png', data: toBase64(bytes) });

describe('estimateImageTokens', () => {
  it.each([
    // Anthropic's vision guide table: 200×200 ≈ 54, 1000×1000 ≈ 1334, 1092×1092 ≈ 1590.
    [200, 200, 54],
    [1000, 1000, 1334],
    [1092, 1092, 1590],
  ])('%i×%i ≈ %i tokens (documented)', (width, height, tokens) => {
    expect(estimateImageTokens(base64Image(pngHeader(width, height)))).toBe(tokens);
  });

  it('downscales to 1568 px on the long edge and caps at the documented maximum', () => {
    expect(estimateImageTokens(base64Image(jpegHeader(4000, 300)))).toBe(Math.ceil((1568 * 118) / 750));
    expect(estimateImageTokens(base64Image(pngHeader(3000, 3000)))).toBe(maxImageTokens);
  });

  it('falls back to the maximum for URLs and unreadable data', () => {
    expect(estimateImageTokens({ kind: 'url', url: 'https://example.com/a.png' })).toBe(maxImageTokens);
    expect(estimateImageTokens({ kind: 'base64', mediaType: 'image/png', data: 'AAAA' })).toBe(maxImageTokens);
  });
});
