import { describe, expect, it } from 'vitest';
import { chunkSourceOf, responseFromSource, type ChunkSource } from './chunk-source.js';

/** A source of the given chunks that counts its pulls. */
function countingSource(parts: string[]): ChunkSource & { pulls: number } {
  const encoder = new TextEncoder();
  let index = 0;
  const source = {
    pulls: 0,
    pull: async () => {
      source.pulls += 1;
      const chunk = parts[index++];
      return chunk === undefined ? { chunks: [], done: true } : { chunks: [encoder.encode(chunk)], done: index >= parts.length };
    },
    cancel: async () => undefined,
  };
  return source;
}

describe('responseFromSource', () => {
  it('pulls nothing until the Response itself is read, and keeps status and headers', () => {
    const source = countingSource(['a', 'b']);
    const response = responseFromSource(source, { status: 201, headers: { 'content-type': 'text/event-stream' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.bodyUsed).toBe(false);
    expect(chunkSourceOf(response)).toBe(source);
    expect(source.pulls).toBe(0);
  });

  it('reads as text, as JSON and through its web stream', async () => {
    expect(await responseFromSource(countingSource(['hel', 'lo']), {}).text()).toBe('hello');
    expect(await responseFromSource(countingSource(['{"a":', '1}']), {}).json()).toEqual({ a: 1 });
    const reader = responseFromSource(countingSource(['x', 'y']), {}).body!.getReader();
    const seen: string[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) seen.push(new TextDecoder().decode(next.value));
    expect(seen.join('')).toBe('xy');
  });

  it('says its body is used once read, and can be cloned before', async () => {
    const response = responseFromSource(countingSource(['one']), {});
    const copy = response.clone();
    expect(await response.text()).toBe('one');
    expect(response.bodyUsed).toBe(true);
    expect(await copy.text()).toBe('one');
  });
});
