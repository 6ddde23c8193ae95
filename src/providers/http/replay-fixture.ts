import { readFileSync } from 'node:fs';

/** Test support: a recorded body replayed in small chunks, so SSE framing across chunk borders is exercised. */
export async function* replayFixture(url: URL, chunkSize = 7): AsyncGenerator<Uint8Array> {
  const bytes = readFileSync(url);
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    yield bytes.subarray(offset, offset + chunkSize);
    await Promise.resolve();
  }
}
