const quote = 0x22;
const backslash = 0x5c;
const openBrace = 0x7b;
const openBracket = 0x5b;
const closeBrace = 0x7d;
const closeBracket = 0x5d;

/**
 * True when the JSON text nests objects/arrays deeper than `maxDepth`. One pass, no recursion and no
 * parsing: strings are skipped with `indexOf`, so the cost is a fraction of `JSON.parse`. Works on
 * malformed text too (the parser reports that afterwards).
 */
export function exceedsJsonDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === quote) {
      index = endOfString(text, index + 1);
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
function endOfString(text: string, start: number): number {
  let index = start;
  for (;;) {
    const closing = text.indexOf('"', index);
    if (closing === -1) return text.length;
    let backslashes = 0;
    for (let back = closing - 1; back >= start && text.charCodeAt(back) === backslash; back -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return closing + 1;
    index = closing + 1;
  }
}
