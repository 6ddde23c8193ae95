import { describe, expect, it } from 'vitest';
import { asTextDelta, readCompactTextDelta } from './anthropic-text-delta.js';

const compact = (index: unknown, text: unknown) => JSON.stringify({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });

describe('readCompactTextDelta', () => {
  it.each(['Hello', '', ' world ', 'café ☕ 𝄞', '<tag attr=1>', "it's", 'a/b'])('reads %j as JSON.parse would', (text) => {
    const data = compact(3, text);
    expect(readCompactTextDelta(data)).toEqual({ index: 3, text });
    expect(readCompactTextDelta(data)).toEqual(asTextDelta(JSON.parse(data)));
  });

  it('reads larger indexes', () => {
    expect(readCompactTextDelta(compact(0, 'a'))).toEqual({ index: 0, text: 'a' });
    expect(readCompactTextDelta(compact(12, 'a'))).toEqual({ index: 12, text: 'a' });
  });

  it.each([
    ['an escaped quote', compact(0, 'say "hi"')],
    ['an escaped newline', compact(0, 'a\nb')],
    ['a backslash', compact(0, 'C:\\path')],
    ['other spacing', '{"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "x"}}'],
    ['an extra field', '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x","extra":1}}'],
  ])('leaves %s to the full parse', (_name, data) => {
    expect(readCompactTextDelta(data)).toBeUndefined();
    expect(asTextDelta(JSON.parse(data))).toBeDefined();
  });

  it.each([
    ['a leading zero', '{"type":"content_block_delta","index":01,"delta":{"type":"text_delta","text":"x"}}'],
    ['a negative or fractional index', '{"type":"content_block_delta","index":-1,"delta":{"type":"text_delta","text":"x"}}'],
    ['a fraction', '{"type":"content_block_delta","index":1.5,"delta":{"type":"text_delta","text":"x"}}'],
    ['no index', '{"type":"content_block_delta","index":,"delta":{"type":"text_delta","text":"x"}}'],
    ['an unescaped quote', '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"b"}}'],
    ['a raw control character', '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a\tb"}}'],
    ['a thinking delta', JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'x' } })],
    ['a cut payload', '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"}}'],
  ])('never reads %s', (_name, data) => {
    expect(readCompactTextDelta(data)).toBeUndefined();
  });
});

describe('asTextDelta', () => {
  it('recognises only text deltas with a numeric index and a string text', () => {
    expect(asTextDelta({ type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'x' } })).toEqual({ index: 1, text: 'x' });
    expect(asTextDelta({ type: 'content_block_delta', index: '1', delta: { type: 'text_delta', text: 'x' } })).toBeUndefined();
    expect(asTextDelta({ type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 7 } })).toBeUndefined();
    expect(asTextDelta({ type: 'content_block_delta', index: 1, delta: null })).toBeUndefined();
    expect(asTextDelta(null)).toBeUndefined();
  });
});
