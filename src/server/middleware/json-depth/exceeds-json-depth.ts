import { closeBrace, closeBracket, endOfJsonString, openBrace, openBracket, quote } from '../../../core/json-bytes.js';

/**
 * True when the JSON body nests objects/arrays deeper than `maxDepth`. One pass over the UTF-8 bytes
 * (every byte JSON's structure uses is ASCII, and no byte of a multi-byte character is), no recursion,
 * no decoding and no parsing: strings are skipped with `indexOf`, so the cost is a fraction of
 * `JSON.parse`. Works on malformed bodies too (the parser reports that afterwards).
 */
export function exceedsJsonDepth(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let index = 0;
  const length = bytes.length;
  while (index < length) {
    const code = bytes[index]!;
    if (code === quote) {
      const end = endOfJsonString(bytes, index + 1);
      if (end === -1) return false;
      index = end;
      continue;
    }
    if (code === openBrace || code === openBracket) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if ((code === closeBrace || code === closeBracket) && depth > 0) {
      depth -= 1;
    }
    index += 1;
  }
  return false;
}
