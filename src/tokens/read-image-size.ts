export interface ImageSize {
  width: number;
  height: number;
}

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));
const uint16BigEndian = (bytes: Uint8Array, at: number): number => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
const uint16LittleEndian = (bytes: Uint8Array, at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const uint24LittleEndian = (bytes: Uint8Array, at: number): number => uint16LittleEndian(bytes, at) | ((bytes[at + 2] ?? 0) << 16);
const uint32BigEndian = (bytes: Uint8Array, at: number): number => uint16BigEndian(bytes, at) * 65536 + uint16BigEndian(bytes, at + 2);

/** JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic) carry the dimensions. */
const startOfFrameMarkers = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function readJpegSize(bytes: Uint8Array): ImageSize | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (startOfFrameMarkers.has(marker)) {
      return { height: uint16BigEndian(bytes, offset + 5), width: uint16BigEndian(bytes, offset + 7) };
    }
    offset += 2 + uint16BigEndian(bytes, offset + 2);
  }
  return undefined;
}

function readWebpSize(bytes: Uint8Array): ImageSize | undefined {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ') return { width: uint16LittleEndian(bytes, 26) & 0x3fff, height: uint16LittleEndian(bytes, 28) & 0x3fff };
  if (chunk === 'VP8L') {
    const b0 = bytes[21] ?? 0;
    const b1 = bytes[22] ?? 0;
    const b2 = bytes[23] ?? 0;
    const b3 = bytes[24] ?? 0;
    return { width: 1 + (((b1 & 0x3f) << 8) | b0), height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)) };
  }
  if (chunk === 'VP8X') return { width: 1 + uint24LittleEndian(bytes, 24), height: 1 + uint24LittleEndian(bytes, 27) };
  return undefined;
}

/** Width and height from the header of a PNG, JPEG, GIF or WebP image; undefined for anything else. */
export function readImageSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 30) return undefined;
  let size: ImageSize | undefined;
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG' && ascii(bytes, 12, 4) === 'IHDR') {
    size = { width: uint32BigEndian(bytes, 16), height: uint32BigEndian(bytes, 20) };
  } else if (ascii(bytes, 0, 4) === 'GIF8') {
    size = { width: uint16LittleEndian(bytes, 6), height: uint16LittleEndian(bytes, 8) };
  } else if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    size = readJpegSize(bytes);
  } else if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    size = readWebpSize(bytes);
  }
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}
