const quote = 0x22;
const backslash = 0x5c;
const openBrace = 0x7b;
const openBracket = 0x5b;
const closeBrace = 0x7d;
const closeBracket = 0x5d;

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
      index = endOfString(bytes, index + 1);
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

/** The index just past the closing quote of a string whose content starts at `start`. */
function endOfString(bytes: Uint8Array, start: number): number {
  let index = start;
  for (;;) {
    const closing = bytes.indexOf(quote, index);
    if (closing === -1) return bytes.length;
    let backslashes = 0;
    for (let back = closing - 1; back >= start && bytes[back] === backslash; back -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return closing + 1;
    index = closing + 1;
  }
}
