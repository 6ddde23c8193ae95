/**
 * `JSON.parse` of a UTF-8 body without ever holding the whole body as one string.
 *
 * V8 puts every string over 128 KB in its large-object space, on memory mapped afresh for that string
 * and unmapped when it dies. On virtual machines that hand freed memory back to the host, touching such
 * pages costs several microseconds each: decoding a 230 KB agent request into one string cost about
 * 1 ms there, four times its parse. So a body over `pieceBytes` is cut at its own structure into pieces
 * that each decode to a small string: the members of an object, the elements of an array, runs of
 * neighbours taken together. Each piece goes through `JSON.parse`, which checks it completely; the
 * punctuation between pieces is checked here. Anything unexpected, from a malformed body to a scan
 * that went wrong, falls back to one `JSON.parse` of the whole text, so the result and every error
 * are exactly those of `JSON.parse(new TextDecoder().decode(bytes))`.
 */

import { closeBrace, closeBracket, colon, comma, decodeUtf8, endOfJsonString, openBrace, openBracket, quote, startsWithByteOrderMark } from '../../core/json-bytes.js';

/** Largest piece decoded at once: its string stays under 128 KB even at two bytes per character. */
const defaultPieceBytes = 60 * 1024;
/**
 * Containers are cut at most this many levels deep (root object, messages, a message, its content);
 * deeper ones are parsed whole. The scan that finds the body's end notes where each large container
 * is cut, so a body is scanned once in all (see containerEnd).
 */
const maxSplitLevels = 4;
/** Levels below a scanned container whose commas the scan notes: every level that may still be cut. */
const noteCommasLevels = maxSplitLevels + 1;

/** Thrown inside the splitter when the bytes are not what it expects; never escapes (see fallback). */
class NotSplittable extends Error {}

interface Span {
  start: number;
  end: number;
}


export interface ParseJsonBytesOptions {
  /** Bodies up to this size are decoded and parsed in one piece (tests set it small). */
  pieceBytes?: number;
}

/** Same result and same errors as `JSON.parse(new TextDecoder().decode(bytes))`. */
export function parseJsonBytes(bytes: Uint8Array, options: ParseJsonBytesOptions = {}): unknown {
  const pieceBytes = options.pieceBytes ?? defaultPieceBytes;
  if (bytes.length <= pieceBytes) return JSON.parse(decodeUtf8(bytes));
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return new Splitter(buffer, pieceBytes).parseDocument();
  } catch {
    // Malformed (or, in principle, a case the splitter gets wrong): the whole parse decides.
    return JSON.parse(decodeUtf8(bytes));
  }
}

class Splitter {
  /** The commas of each container larger than a piece, by where it starts (see containerEnd). */
  private readonly commasOf = new Map<number, number[]>();

  constructor(
    private readonly bytes: Buffer,
    private readonly pieceBytes: number,
  ) {}

  parseDocument(): unknown {
    const { bytes } = this;
    // TextDecoder drops a leading byte order mark.
    const bom = startsWithByteOrderMark(bytes) ? 3 : 0;
    const start = this.skipSpace(bom);
    const end = this.valueEnd(start);
    if (this.skipSpace(end) !== bytes.length) throw new NotSplittable();
    return this.parseSpan({ start, end }, 0);
  }

  private parseSpan(span: Span, level: number): unknown {
    const first = this.bytes[span.start];
    if (span.end - span.start <= this.pieceBytes || level >= maxSplitLevels || (first !== openBrace && first !== openBracket)) {
      return JSON.parse(this.decode(span.start, span.end));
    }
    return first === openBracket ? this.parseArray(span, level) : this.parseObject(span, level);
  }

  private parseArray(span: Span, level: number): unknown[] {
    const elements = this.items(span, closeBracket, false);
    const result: unknown[] = [];
    this.inRuns(elements, (run) => {
      for (const value of JSON.parse(`[${this.decode(run.start, run.end)}]`) as unknown[]) result.push(value);
    }, (element) => {
      result.push(this.parseSpan(element, level + 1));
    });
    return result;
  }

  private parseObject(span: Span, level: number): Record<string, unknown> {
    const members = this.items(span, closeBrace, true);
    const result: Record<string, unknown> = {};
    this.inRuns(members, (run) => {
      const part = JSON.parse(`{${this.decode(run.start, run.end)}}`) as Record<string, unknown>;
      for (const key of Object.keys(part)) setMember(result, key, part[key]);
    }, (member) => {
      const key = JSON.parse(this.decode(member.start, member.keyEnd!)) as string;
      setMember(result, key, this.parseSpan({ start: member.valueStart!, end: member.end }, level + 1));
    });
    return result;
  }

  /**
   * Runs of neighbouring items that fit in one piece go to `run` together (one decode and one parse
   * for many small items); an item too large for a piece goes to `single`.
   */
  private inRuns(items: Item[], run: (span: Span) => void, single: (item: Item) => void): void {
    let index = 0;
    while (index < items.length) {
      const first = items[index]!;
      if (first.end - first.start > this.pieceBytes) {
        single(first);
        index += 1;
        continue;
      }
      let last = index;
      while (last + 1 < items.length && items[last + 1]!.end - first.start <= this.pieceBytes) last += 1;
      run({ start: first.start, end: items[last]!.end });
      index = last + 1;
    }
  }

  /**
   * The items of the container at `span`: array elements, or object members (`"key": value`, with
   * where the key ends and the value starts). Checks the commas, colons and closing bracket between
   * them; the items themselves are checked by `JSON.parse` later.
   */
  private items(span: Span, close: number, members: boolean): Item[] {
    const { bytes } = this;
    const noted = this.commasOf.get(span.start);
    if (noted !== undefined) return this.itemsBetween(span, noted, close, members);
    const items: Item[] = [];
    let index = this.skipSpace(span.start + 1);
    if (bytes[index] === close && index === span.end - 1) return items;
    for (;;) {
      const start = index;
      let keyEnd: number | undefined;
      let valueStart = start;
      if (members) ({ keyEnd, valueStart } = this.member(start));
      const end = this.valueEnd(valueStart);
      items.push({ start, end, keyEnd, valueStart });
      const next = this.skipSpace(end);
      if (bytes[next] === comma) {
        index = this.skipSpace(next + 1);
        continue;
      }
      if (bytes[next] === close && next === span.end - 1) return items;
      throw new NotSplittable();
    }
  }

  /**
   * The items of a container whose commas the scan that found its end noted: each runs from after the
   * opening bracket or a comma to before the next comma or the closing bracket, less the space around
   * it. The same items and checks as `items` (a value's own bytes are checked by `JSON.parse` later).
   */
  private itemsBetween(span: Span, commas: readonly number[], close: number, members: boolean): Item[] {
    const { bytes } = this;
    const last = span.end - 1;
    if (bytes[last] !== close) throw new NotSplittable();
    const items: Item[] = [];
    for (let index = 0; index <= commas.length; index += 1) {
      const start = this.skipSpace((index === 0 ? span.start : commas[index - 1]!) + 1);
      const end = this.spaceBefore(index === commas.length ? last : commas[index]!);
      if (end <= start) {
        if (commas.length === 0 && start === last) return items;
        throw new NotSplittable();
      }
      let keyEnd: number | undefined;
      let valueStart = start;
      if (members) ({ keyEnd, valueStart } = this.member(start));
      if (valueStart >= end) throw new NotSplittable();
      items.push({ start, end, keyEnd, valueStart });
    }
    return items;
  }

  /** Where the key of the member at `start` ends and its value starts: `"key"`, space, `:`, space. */
  private member(start: number): { keyEnd: number; valueStart: number } {
    const { bytes } = this;
    if (bytes[start] !== quote) throw new NotSplittable();
    const keyEnd = this.stringEnd(start + 1);
    const separator = this.skipSpace(keyEnd);
    if (bytes[separator] !== colon) throw new NotSplittable();
    return { keyEnd, valueStart: this.skipSpace(separator + 1) };
  }

  /** Where the value starting at `start` ends: a string, a container, or a bare word or number. */
  private valueEnd(start: number): number {
    const { bytes } = this;
    const first = bytes[start];
    if (first === undefined) throw new NotSplittable();
    if (first === quote) return this.stringEnd(start + 1);
    if (first === openBrace || first === openBracket) return this.containerEnd(start);
    let index = start;
    while (index < bytes.length && !isDelimiter(bytes[index]!)) index += 1;
    if (index === start) throw new NotSplittable();
    return index;
  }

  /**
   * Just past the bracket that closes the one at `start` (bracket kinds are checked by the parse). The
   * same pass notes the commas of every container in it, up to the depth the splitter cuts, and keeps
   * them for each container larger than a piece: cutting that one into items later needs no scan of
   * its own (the bulk of an agent's request was scanned three times, once per level, without this).
   */
  private containerEnd(start: number): number {
    const { bytes } = this;
    // The containers open at `index`, innermost last: where each starts, and its own commas so far.
    const starts: number[] = [];
    const commas: Array<number[] | undefined> = [];
    let index = start;
    while (index < bytes.length) {
      const code = bytes[index]!;
      if (code === quote) {
        index = this.stringEnd(index + 1);
        continue;
      }
      if (code === openBrace || code === openBracket) {
        starts.push(index);
        commas.push(undefined);
      } else if (code === comma) {
        const depth = starts.length;
        if (depth > 0 && depth <= noteCommasLevels) (commas[depth - 1] ??= []).push(index);
      } else if (code === closeBrace || code === closeBracket) {
        const depth = starts.length;
        const opened = starts.pop()!;
        const own = commas.pop();
        if (depth <= noteCommasLevels && index + 1 - opened > this.pieceBytes) this.commasOf.set(opened, own ?? []);
        if (starts.length === 0) return index + 1;
      }
      index += 1;
    }
    throw new NotSplittable();
  }

  /** Just past the closing quote of the string whose content starts at `start`. */
  private stringEnd(start: number): number {
    const end = endOfJsonString(this.bytes, start);
    if (end === -1) throw new NotSplittable();
    return end;
  }

  private skipSpace(start: number): number {
    const { bytes } = this;
    let index = start;
    while (index < bytes.length && isSpace(bytes[index]!)) index += 1;
    return index;
  }

  /** Just past the last byte before `end` that is not space. */
  private spaceBefore(end: number): number {
    const { bytes } = this;
    let index = end;
    while (index > 0 && isSpace(bytes[index - 1]!)) index -= 1;
    return index;
  }

  /** Cut points are always at ASCII punctuation, never inside a multi-byte character. */
  private decode(start: number, end: number): string {
    // Pieces never start a document, so a byte order mark there is a character, as `JSON.parse` would see it.
    return this.bytes.toString('utf8', start, end);
  }
}

interface Item extends Span {
  /** Members only: just past the key's closing quote, and where the value starts. */
  keyEnd?: number;
  valueStart?: number;
}

/** JSON whitespace: space, tab, line feed, carriage return. */
const isSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
const isDelimiter = (code: number): boolean => isSpace(code) || code === comma || code === closeBrace || code === closeBracket || code === colon;

/** As `JSON.parse` stores a member: an own property, even one named `__proto__`. */
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
