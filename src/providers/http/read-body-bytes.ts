import { Readable } from 'node:stream';

export interface BodyBytes {
  bytes: Buffer;
  /** False when the body was longer than the limit: `bytes` holds its first `limit` bytes and the rest was not read. */
  complete: boolean;
}

/**
 * Reads a body whole, or its first `limit` bytes, ending the upstream body there. A Node stream (the
 * HTTP client's bodies) is read through its 'data' events: its async iterator costs several objects,
 * listeners and promises per answer, which a relay of small JSON answers pays on every request.
 * Anything else is iterated. Rejects with the stream's error, or a premature-close error when it
 * closed before its end (an abort keeps its own error).
 */
export function readBodyBytes(body: AsyncIterable<Uint8Array>, limit: number): Promise<BodyBytes> {
  return body instanceof Readable ? readStream(body, limit) : readIterable(body, limit);
}

const concat = (chunks: Uint8Array[], size: number): Buffer => (chunks.length === 1 && Buffer.isBuffer(chunks[0]) ? chunks[0] : Buffer.concat(chunks, size));

const ignore = (): void => undefined;

function readStream(stream: Readable, limit: number): Promise<BodyBytes> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const settle = (): void => {
      stream.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      // A late error (a reset after the end) must not become an uncaught exception.
      stream.on('error', ignore);
    };
    const onData = (chunk: Uint8Array): void => {
      if (size + chunk.byteLength <= limit) {
        chunks.push(chunk);
        size += chunk.byteLength;
        return;
      }
      chunks.push(chunk.subarray(0, limit - size));
      settle();
      stream.destroy();
      resolve({ bytes: concat(chunks, limit), complete: false });
    };
    const onEnd = (): void => {
      settle();
      resolve({ bytes: concat(chunks, size), complete: true });
    };
    const onError = (error: unknown): void => {
      settle();
      reject(error);
    };
    const onClose = (): void => onError(Object.assign(new Error('The body closed before its end.'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    if (stream.errored) return onError(stream.errored);
    if (stream.destroyed) return onClose();
    stream.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

async function readIterable(body: AsyncIterable<Uint8Array>, limit: number): Promise<BodyBytes> {
  const iterator = body[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    if (size + next.value.byteLength > limit) {
      chunks.push(next.value.subarray(0, limit - size));
      await iterator.return?.();
      return { bytes: concat(chunks, limit), complete: false };
    }
    chunks.push(next.value);
    size += next.value.byteLength;
  }
  return { bytes: concat(chunks, size), complete: true };
}

/** Ends a body that will not be read further: the upstream's connection is released or closed. */
export async function stopBody(body: AsyncIterable<Uint8Array>): Promise<void> {
  if (body instanceof Readable) body.destroy();
  else await body[Symbol.asyncIterator]().return?.()?.catch(() => undefined);
}
