import { describe, expect, it } from 'vitest';
import { FrameBatch } from './frame-batch.js';

const text = (chunks: Uint8Array[]): string[] => chunks.map((chunk) => Buffer.from(chunk).toString('utf8'));

describe('FrameBatch', () => {
  it('joins text frames into one chunk', () => {
    const batch = new FrameBatch();
    batch.add('a\n\n');
    batch.add('ü\n\n');
    expect(text(batch.take())).toEqual(['a\n\nü\n\n']);
  });

  it('keeps the order of text and byte frames in one chunk', () => {
    const batch = new FrameBatch();
    batch.add('a');
    batch.add(new TextEncoder().encode('b'));
    batch.add('c');
    expect(text(batch.take())).toEqual(['abc']);
  });

  it('passes a lone byte frame through as it is', () => {
    const frame = new TextEncoder().encode('x');
    const batch = new FrameBatch();
    batch.add(frame);
    expect(batch.take()).toEqual([frame]);
  });

  it('has no chunk for no frames or only empty ones, and starts over after take', () => {
    const batch = new FrameBatch();
    expect(batch.take()).toEqual([]);
    batch.add('');
    batch.add(new Uint8Array(0));
    expect(batch.take()).toEqual([]);
    batch.add('z');
    expect(text(batch.take())).toEqual(['z']);
  });
});
