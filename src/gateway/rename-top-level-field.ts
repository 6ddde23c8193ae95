import { comma, openBrace, openBracket } from '../core/json-bytes.js';

/**
 * A JSON object's bytes with one top-level string field given another value, spliced in place instead of
 * the whole object serialised again (the cost of a relayed answer whose model is renamed grows with its
 * size; this one with the bytes before the field). Only the compact form `"key":"value"` is looked for,
 * and only where nothing before it opened an object or array (other than the outer object), so it is
 * the top-level field, and it follows `{` or `,` (so its quote opens a key rather than sits in a string).
 * Undefined when the field is not found in that form: the caller serialises the parsed object instead.
 */
export function renameTopLevelField(bytes: Uint8Array, key: string, from: string, to: string): Buffer | undefined {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = `"${key}":${JSON.stringify(from)}`;
  const at = buffer.indexOf(needle);
  if (at <= 0) return undefined;
  const before = buffer[at - 1];
  if (before !== comma && before !== openBrace) return undefined;
  const start = buffer.indexOf(openBrace);
  for (let index = start + 1; index < at; index += 1) {
    const byte = buffer[index];
    if (byte === openBrace || byte === openBracket) return undefined;
  }
  const replacement = Buffer.from(`"${key}":${JSON.stringify(to)}`);
  const needleLength = Buffer.byteLength(needle);
  return Buffer.concat([buffer.subarray(0, at), replacement, buffer.subarray(at + needleLength)], buffer.byteLength - needleLength + replacement.byteLength);
}
