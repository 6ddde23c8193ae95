import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentHistory } from '../../../bench/agent-history.js';
import { parseJsonBytes } from './parse-json-bytes.js';

const utf8 = new TextDecoder();

/** What the body parser must match exactly: the value, or the error message. */
function reference(bytes: Uint8Array): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(utf8.decode(bytes)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function actual(bytes: Uint8Array, pieceBytes: number): { value: unknown } | { error: string } {
  try {
    return { value: parseJsonBytes(bytes, { pieceBytes }) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Deep equality that also holds key order, -0, and own `__proto__` members to account. */
function sameJson(left: unknown, right: unknown): boolean {
  if (typeof left !== 'object' || left === null || typeof right !== 'object' || right === null) return Object.is(left, right);
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Object.getPrototypeOf(left) !== Object.getPrototypeOf(right)) return false;
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  if (leftKeys.join('\u0000') !== rightKeys.join('\u0000') || leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => sameJson((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]));
}

function expectSame(bytes: Uint8Array, pieceBytes: number): void {
  const expected = reference(bytes);
  const got = actual(bytes, pieceBytes);
  if ('error' in expected) expect(got).toEqual(expected);
  else {
    expect('value' in got, `parse failed: ${JSON.stringify(got)}`).toBe(true);
    expect(sameJson((got as { value: unknown }).value, expected.value)).toBe(true);
  }
}

const encode = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('parseJsonBytes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('matches JSON.parse on any JSON text, however small the pieces', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 80 }), (value, indent, pieceBytes) => {
        expectSame(encode(JSON.stringify(value, null, indent)), pieceBytes);
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts valid JSON into pieces without falling back to a whole parse', () => {
    const parse = vi.spyOn(JSON, 'parse');
    fc.assert(
      // Four levels of containers: every one of them larger than a piece gets cut.
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 60 }), (value, indent, pieceBytes) => {
        parse.mockClear();
        parseJsonBytes(encode(JSON.stringify(value, null, indent)), { pieceBytes });
        for (const [input] of parse.mock.calls) {
          // Only a single string or number may be larger than a piece (it cannot be cut).
          if (input.length > pieceBytes + 2) expect(input.trimStart()[0]).not.toMatch(/[[{]/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('matches JSON.parse, value or error message, on damaged JSON text', () => {
    const damaged = fc
      .tuple(fc.jsonValue({ maxDepth: 5 }), fc.integer({ min: 0, max: 2 }))
      .map(([value, indent]) => encode(JSON.stringify(value, null, indent)))
      .chain((bytes) =>
        fc.tuple(
          fc.constant(bytes),
          fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...encode('{}[]",:\\ 0-e.tnx\u00e9\ufeff')), fc.integer({ min: 0x80, max: 0xff })), {
            minLength: 1,
            maxLength: 3,
          }),
        ),
      )
      .map(([bytes, edits]) => {
        const out = [...bytes];
        for (const [at, kind, ascii, high] of edits) {
          const index = out.length === 0 ? 0 : at % out.length;
          const byte = at % 5 === 0 ? high : ascii;
          if (kind === 'insert') out.splice(index, 0, byte);
          else if (kind === 'delete') out.splice(index, 1);
          else out[index] = byte;
        }
        return new Uint8Array(out);
      });
    fc.assert(
      fc.property(damaged, fc.integer({ min: 1, max: 40 }), (bytes, pieceBytes) => expectSame(bytes, pieceBytes)),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['a byte order mark before the document', '\ufeff{"a": [1, 2, 3], "b": "text"}'],
    ['a byte order mark inside, which JSON.parse refuses', '{"a": [1, \ufeff2, 3], "b": "text"}'],
    ['a duplicate key in another piece: first place, last value', '{"a": 1, "b": "a long value here", "a": [3, 4, 5]}'],
    ['a __proto__ member, kept as an own property', '{"__proto__": {"polluted": true}, "b": [1, 2, 3, 4, 5]}'],
    ['integer-like keys', '{"b": 1, "2": 2, "a": [1, 2, 3], "1": 1}'],
    ['escaped quotes and backslashes', '{"a": "x\\\\", "b": "y\\"]}", "c": ["\\\\\\"", 1]}'],
    ['a trailing comma', '{"a": [1, 2, 3,], "b": 1}'],
    ['text after the document', '{"a": [1, 2, 3]} x'],
    ['a missing colon', '{"a" [1, 2, 3], "b": 1}'],
    ['a bare word', '{"a": [1, 2, 3], "b": nope}'],
    ['mismatched brackets', '{"a": [1, 2, 3}, "b": 1]'],
    ['an unterminated string', '{"a": [1, 2, 3], "b": "abc'],
    ['whitespace only', ' \n\t '],
    ['nothing', ''],
    ['-0 and exponents', '[-0, 1e400, -1.5E-3, 0.1]'],
    ['non-ASCII text', '{"a": "中文内容", "b": ["日本語", "emoji 😀"], "c": "ü"}'],
  ])('matches JSON.parse with %s', (_name, text) => {
    for (const pieceBytes of [1, 4, 8, 16, 64]) expectSame(encode(text), pieceBytes);
  });

  it('decodes invalid UTF-8 as TextDecoder does', () => {
    const bytes = new Uint8Array([...encode('{"a": "'), 0xc3, 0x28, 0xff, ...encode('", "b": ["x'), 0xe2, 0x82, ...encode('"]}')]);
    for (const pieceBytes of [1, 4, 8]) expectSame(bytes, pieceBytes);
  });

  it('parses nesting deeper than it splits', () => {
    const deep = `${'['.repeat(30)}"${'x'.repeat(50)}"${']'.repeat(30)}`;
    expectSame(encode(`{"a": ${deep}, "b": [${deep}, ${deep}]}`), 8);
  });

  it('never decodes more than a piece of an agent-sized body at once', () => {
    const body = { model: 'claude-sonnet-4-5', ...agentHistory(), max_tokens: 100, stream: false };
    const bytes = encode(JSON.stringify(body));
    expect(bytes.length).toBeGreaterThan(200 * 1024);
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const value = parseJsonBytes(bytes);
    const largest = Math.max(...decode.mock.calls.map(([input]) => (input as Uint8Array).byteLength));
    expect(largest).toBeLessThanOrEqual(60 * 1024);
    expect(sameJson(value, body)).toBe(true);
  });
});
