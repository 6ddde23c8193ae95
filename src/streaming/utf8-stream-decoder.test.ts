import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8StreamDecoder } from './utf8-stream-decoder.js';

/** Bytes that make every kind of UTF-8 trouble likely: lead and continuation bytes, overlongs, surrogates, the byte order mark. */
const troubleBytes = fc.constantFrom(0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbb, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc.array(troubleBytes, { maxLength: 40 }).map((list) => Uint8Array.from(list)),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((text) => new TextEncoder().encode(`\ufeff${text}`)),
);

describe('Utf8StreamDecoder', () => {
  // The same text in all: only where a piece ends in a byte that can never start a character (0xF5)
  // does that U+FFFD come out with the next piece rather than at once.
  it('reads any bytes, cut anywhere, to the same text as TextDecoder in streaming mode', () => {
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 4 }), (input, rawCuts) => {
        const cuts = [...new Set(rawCuts.map((cut) => cut % (input.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...cuts, input.length].slice(1).map((end, index, ends) => input.subarray(index === 0 ? 0 : ends[index - 1]!, end));
        const expected = new TextDecoder();
        const actual = new Utf8StreamDecoder();
        const want = [...pieces.map((piece) => expected.decode(piece, { stream: true })), expected.decode()];
        const got = [...pieces.map((piece) => actual.write(piece)), actual.end()];
        expect(got.join('')).toBe(want.join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('drops a byte order mark only at the very start', () => {
    const decoder = new Utf8StreamDecoder();
    expect(decoder.write(Uint8Array.from([0xef, 0xbb]))).toBe('');
    expect(decoder.write(Uint8Array.from([0xbf, 0x41, 0xef, 0xbb, 0xbf]))).toBe('A\ufeff');
    expect(decoder.end()).toBe('');
  });
});
