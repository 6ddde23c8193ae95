import { describe, expect, it } from 'vitest';
import { asTextDelta } from './anthropic-text-delta.js';

describe('asTextDelta', () => {
  it('recognises only text deltas with a numeric index and a string text', () => {
    expect(asTextDelta({ type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'x' } })).toEqual({ index: 1, text: 'x' });
    expect(asTextDelta({ type: 'content_block_delta', index: '1', delta: { type: 'text_delta', text: 'x' } })).toBeUndefined();
    expect(asTextDelta({ type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 7 } })).toBeUndefined();
    expect(asTextDelta({ type: 'content_block_delta', index: 1, delta: null })).toBeUndefined();
    expect(asTextDelta(null)).toBeUndefined();
  });
});
