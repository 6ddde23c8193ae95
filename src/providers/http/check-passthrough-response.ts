import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { PassthroughResponse } from '../provider-adapter.js';
import { transportErrorToGatewayError } from './classify-transport-error.js';
import { parseSseEvent, SseEventSplitter } from '../../streaming/sse-event-splitter.js';
import { Utf8StreamDecoder } from '../../streaming/utf8-stream-decoder.js';
import { readBodyBytes, stopBody } from './read-body-bytes.js';

/** How much of an event stream may arrive before its first event (comments, keep-alives). */
const maxPeekBytes = 64 * 1024;
/** Largest JSON answer read whole to check it (the relay buffers whole answers anyway). */
const maxJsonBytes = 32 * 1024 * 1024;
const excerptLength = 200;

type Body = AsyncIterator<Uint8Array>;

/**
 * Checks a 2xx same-format answer before anything is committed to the client, so a malformed one
 * can still fail over: an event stream must open with a well-formed JSON event that is not an
 * error; a JSON answer must be one JSON object that is not an error; anything else (HTML from a
 * proxy, plain text) is refused. Throws UpstreamUnavailableError (a light penalty, retryable).
 * Only the first event of a stream is read; the answer returned replays the bytes read and then
 * streams the rest, unbuffered. `expectStream` decides when the upstream sent no content type.
 */
export async function checkPassthroughResponse(response: PassthroughResponse, expectStream: boolean): Promise<PassthroughResponse> {
  const contentType = (response.headers['content-type'] ?? '').toLowerCase();
  // Set once a stream's first event is being read: the iterator to stop if that fails.
  let iterator: Body | undefined;
  try {
    if (contentType.includes('text/event-stream') || (contentType === '' && expectStream)) {
      iterator = response.body[Symbol.asyncIterator]();
      return { status: response.status, headers: response.headers, body: replay(await peekFirstEvent(iterator), iterator) };
    }
    if (contentType.includes('json') || contentType === '') {
      const whole = await readBodyBytes(response.body, maxJsonBytes);
      if (!whole.complete) throw malformed(`The upstream answer is larger than ${maxJsonBytes} bytes.`);
      const json = checkJson(whole.bytes.toString('utf8'), 'answer');
      // Written out rather than spread: a spread followed by a property the source lacks gives the
      // object a shape of its own on every call (V8), and every later read of it misses its cache.
      return { status: response.status, headers: response.headers, body: replay([whole.bytes], emptyBody), whole: { bytes: whole.bytes, json } };
    }
    const excerpt = (await readBodyBytes(response.body, 4 * 1024)).bytes.toString('utf8');
    throw malformed(`The upstream answered ${response.status} with ${contentType} instead of JSON or an event stream: ${shorten(excerpt)}`);
  } catch (error) {
    await (iterator ? iterator.return?.().catch(() => undefined) : stopBody(response.body));
    // A read that failed (reset, idle timeout) is an upstream failure too; an abort stays an abort.
    throw isAbort(error) ? error : transportErrorToGatewayError(error);
  }
}

const isAbort = (error: unknown): boolean => error instanceof Error && (error.name === 'AbortError' || error.name === 'ResponseAborted');

async function peekFirstEvent(iterator: Body): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const decoder = new Utf8StreamDecoder();
  const splitter = new SseEventSplitter();
  let size = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) throw malformed('The upstream event stream ended before its first event.');
    chunks.push(next.value);
    size += next.value.byteLength;
    // Only the first event is read: the rest of the chunk goes on untouched, and is decoded only if
    // the part up to the first blank line held no event (comments, keep-alives).
    for (const part of splitAtFirstBlankLine(next.value)) {
      for (let block = splitter.push(decoder.write(part), 1); block.length > 0; block = splitter.push('', 1)) {
        const first = parseSseEvent(block[0]!);
        if (!first) continue;
        checkJson(first.data, first.event === 'error' ? 'error event' : 'first event');
        return chunks;
      }
    }
    if (size > maxPeekBytes) {
      throw malformed(`The upstream sent ${size} bytes without a complete event: ${shorten(Buffer.concat(chunks).toString('utf8'))}`);
    }
  }
}

/** The bytes up to the first "\n\n" and the rest, when no \r comes before it; else the whole chunk. */
function splitAtFirstBlankLine(chunk: Uint8Array): Uint8Array[] {
  const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const blank = bytes.indexOf('\n\n');
  if (blank < 0 || blank + 2 === bytes.length) return [chunk];
  const carriageReturn = bytes.indexOf('\r');
  if (carriageReturn >= 0 && carriageReturn < blank) return [chunk];
  return [bytes.subarray(0, blank + 2), bytes.subarray(blank + 2)];
}

function checkJson(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed(`The upstream's ${what} is not valid JSON: ${shorten(text)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`The upstream's ${what} is not a JSON object: ${shorten(text)}`);
  const record = value as Record<string, unknown>;
  if (record.type === 'error' || (record.error !== undefined && record.error !== null)) {
    throw malformed(`The upstream answered with an error despite its success status: ${shorten(text)}`);
  }
  return record;
}

/** The bytes already read, then the rest of the upstream body; `return()` stops the upstream at once. */
function replay(read: Uint8Array[], rest: Body): AsyncIterable<Uint8Array> {
  let index = 0;
  const iterator: AsyncIterableIterator<Uint8Array> = {
    next: () => (index < read.length ? Promise.resolve({ done: false, value: read[index++]! }) : rest.next()),
    return: async () => {
      index = read.length;
      await rest.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

const emptyBody: Body = { next: async () => ({ done: true, value: undefined }) };

const malformed = (message: string): UpstreamUnavailableError => new UpstreamUnavailableError(message, { upstreamStatus: 200 });

const shorten = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > excerptLength ? `${flat.slice(0, excerptLength)}…` : flat;
};
