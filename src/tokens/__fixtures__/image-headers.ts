/** Minimal image headers (just enough bytes for a size reader) in each supported format. */

const pad = (bytes: number[]): Uint8Array => Uint8Array.from([...bytes, ...new Array<number>(32).fill(0)]);
const text = (value: string): number[] => [...value].map((character) => character.charCodeAt(0));
const u16be = (value: number): number[] => [(value >> 8) & 0xff, value & 0xff];
const u16le = (value: number): number[] => [value & 0xff, (value >> 8) & 0xff];
const u24le = (value: number): number[] => [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff];
const u32be = (value: number): number[] => [...u16be(Math.floor(value / 65536)), ...u16be(value % 65536)];
const u32le = (value: number): number[] => [...u16le(value % 65536), ...u16le(Math.floor(value / 65536))];

export const pngHeader = (width: number, height: number): Uint8Array =>
  pad([0x89, ...text('PNG'), 0x0d, 0x0a, 0x1a, 0x0a, ...u32be(13), ...text('IHDR'), ...u32be(width), ...u32be(height), 8, 6, 0, 0, 0]);

export const gifHeader = (width: number, height: number): Uint8Array => pad([...text('GIF89a'), ...u16le(width), ...u16le(height)]);

/** SOI, an APP0 (JFIF) segment to skip, then a baseline start-of-frame. */
export const jpegHeader = (width: number, height: number): Uint8Array =>
  pad([0xff, 0xd8, 0xff, 0xe0, ...u16be(16), ...text('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, ...u16be(17), 8, ...u16be(height), ...u16be(width), 3]);

const riff = (chunk: number[]): number[] => [...text('RIFF'), ...u32le(100), ...text('WEBP'), ...chunk];

export const webpExtendedHeader = (width: number, height: number): Uint8Array =>
  pad(riff([...text('VP8X'), ...u32le(10), 0, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)]));

export const webpLosslessHeader = (width: number, height: number): Uint8Array => {
  const bits = (width - 1) | ((height - 1) << 14);
  return pad(riff([...text('VP8L'), ...u32le(50), 0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff]));
};

export const webpLossyHeader = (width: number, height: number): Uint8Array =>
  pad(riff([...text('VP8 '), ...u32le(50), 0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(width), ...u16le(height)]));

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
