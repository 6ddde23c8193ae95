import { Readable } from 'node:stream';

/** Request bodies larger than this go to the HTTP client handed over (see handOverBody); smaller ones as bytes. */
export const handOverBodyBytes = 64 * 1024;

/**
 * A request body that gives its bytes to the HTTP client once and then forgets them. undici keeps the
 * body it was given until the answer has ended, and behind a coding agent's answer, which may stream
 * for minutes, is a request of hundreds of kilobytes. Given this instead, undici keeps an empty
 * stream: the bytes go once they are written. The caller sends their length as `content-length`,
 * so the request on the wire is the same as with the bytes themselves.
 */
export function handOverBody(bytes: Uint8Array): Readable {
  let pending: Uint8Array | undefined = bytes;
  const iterator: IterableIterator<Uint8Array> = {
    next: () => {
      const chunk = pending;
      pending = undefined;
      return chunk === undefined ? { done: true, value: undefined } : { done: false, value: chunk };
    },
    [Symbol.iterator]: () => iterator,
  };
  return Readable.from(iterator, { objectMode: false });
}

/**
 * What to give undici for a request body: bytes, never a string (undici would keep the string and the
 * bytes it makes of it for the whole call), handed over when large, with the length they would have
 * been sent with. `headers` is changed in place.
 */
export function bodyForUpstream(body: string | Uint8Array | undefined, headers: Record<string, string>): Uint8Array | Readable | undefined {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  if (bytes === undefined || bytes.byteLength <= handOverBodyBytes) return bytes;
  headers['content-length'] = String(bytes.byteLength);
  return handOverBody(bytes);
}

