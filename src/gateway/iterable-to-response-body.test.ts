import { describe, expect, it } from 'vitest';
import { iterableToResponseBody } from './iterable-to-response-body.js';

const decoder = new TextDecoder();

async function readChunks(stream: ReadableStream<Uint8Array>): Promise<{ chunks: string[]; error?: unknown }> {
  const reader = stream.getReader();
  const chunks: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { chunks };
      chunks.push(decoder.decode(value));
    }
  } catch (error) {
    return { chunks, error };
  }
}

describe('iterableToResponseBody', () => {
  it('sends frames that are ready at once as one chunk', async () => {
    async function* frames() {
      yield 'a\n\n';
      yield new TextEncoder().encode('b\n\n');
      yield 'c\n\n';
    }
    expect((await readChunks(iterableToResponseBody(frames()))).chunks).toEqual(['a\n\nb\n\nc\n\n']);
  });

  it('does not hold a ready frame back while the next one waits for I/O', async () => {
    async function* frames() {
      yield 'first\n\n';
      await new Promise((resolve) => setTimeout(resolve, 30));
      yield 'second\n\n';
    }
    const stream = iterableToResponseBody(frames());
    const reader = stream.getReader();
    const started = Date.now();
    expect(decoder.decode((await reader.read()).value)).toBe('first\n\n');
    expect(Date.now() - started).toBeLessThan(25);
    expect(decoder.decode((await reader.read()).value)).toBe('second\n\n');
    expect((await reader.read()).done).toBe(true);
  });

  it('delivers the frames before a failure, then the failure', async () => {
    async function* frames(): AsyncGenerator<string> {
      yield 'one\n\n';
      yield 'two\n\n';
      throw new Error('cut');
    }
    const result = await readChunks(iterableToResponseBody(frames()));
    expect(result.chunks.join('')).toBe('one\n\ntwo\n\n');
    expect(result.error).toBeInstanceOf(Error);
  });

  it('returns the iterator when the reader cancels', async () => {
    let finished = false;
    async function* frames() {
      try {
        yield 'one\n\n';
        await new Promise((resolve) => setTimeout(resolve, 10));
        yield 'two\n\n';
      } finally {
        finished = true;
      }
    }
    let cancelled = false;
    const reader = iterableToResponseBody(frames(), () => (cancelled = true)).getReader();
    await reader.read();
    await reader.cancel();
    expect(cancelled).toBe(true);
    expect(finished).toBe(true);
  });
});
