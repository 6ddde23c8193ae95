/** The ASCII bytes of JSON's structure. No byte of a multi-byte UTF-8 character is below 0x80, so scanning bytes for these is safe. */
export const quote = 0x22;
export const backslash = 0x5c;
export const comma = 0x2c;
export const colon = 0x3a;
export const openBrace = 0x7b;
export const closeBrace = 0x7d;
export const openBracket = 0x5b;
export const closeBracket = 0x5d;

/** Whether the bytes start with a UTF-8 byte order mark (which TextDecoder drops and JSON.parse refuses). */
export const startsWithByteOrderMark = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * The text of UTF-8 bytes exactly as `new TextDecoder().decode(bytes)` reads it (a leading byte order
 * mark dropped, each invalid sequence replaced by U+FFFD), through Buffer's decoder: the same one the
 * parser's pieces use, so there is one decoder to trust.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString('utf8', startsWithByteOrderMark(buffer) ? 3 : 0);
}

/**
 * Just past the closing quote of the JSON string whose content starts at `start`, or -1 when it is
 * not closed. Found with `indexOf`, counting the backslashes before each quote.
 */
export function endOfJsonString(bytes: Uint8Array, start: number): number {
  let index = start;
  for (;;) {
    const closing = bytes.indexOf(quote, index);
    if (closing === -1) return -1;
    let backslashes = 0;
    for (let back = closing - 1; back >= start && bytes[back] === backslash; back -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return closing + 1;
    index = closing + 1;
  }
}
