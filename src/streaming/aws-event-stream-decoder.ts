import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8 } from '@smithy/util-utf8';
import { UpstreamUnavailableError } from '../core/errors/upstream-unavailable-error.js';

/** Prelude (length, headers length, prelude CRC) plus the trailing message CRC. */
const frameOverheadBytes = 16;
export const maxAwsEventStreamFrameBytes = 16 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of a frame's header names, string values and payload: the same as Buffer's UTF-8 decoding
 * (invalid sequences replaced, a leading byte order mark kept), two to three times faster than it for
 * the short strings every frame has several of (a Kiro answer decodes about seven per frame).
 */
export const decodeFrameText = (bytes: Uint8Array): string => utf8.decode(bytes);

/** One decoded `application/vnd.amazon.eventstream` message with its headers flattened to strings. */
export interface AwsEventStreamMessage {
  /** String headers only (`:message-type`, `:event-type`, `:exception-type`, `:error-code`, …). */
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * Splits a byte stream into AWS event-stream messages. Frames split across network chunks are
 * buffered (the first four bytes give the length); both CRCs are checked by the codec; a frame
 * longer than `maxFrameBytes` or shorter than the fixed overhead is rejected instead of buffered.
 */
export class AwsEventStreamDecoder {
  private readonly codec = new EventStreamCodec(decodeFrameText, fromUtf8);
  private buffer: Uint8Array = new Uint8Array(0);

  constructor(private readonly maxFrameBytes = maxAwsEventStreamFrameBytes) {}

  /** Feeds a chunk and returns every message it completed. */
  push(chunk: Uint8Array): AwsEventStreamMessage[] {
    this.buffer = this.buffer.length === 0 ? chunk : concatBytes(this.buffer, chunk);
    const messages: AwsEventStreamMessage[] = [];
    while (this.buffer.length >= 4) {
      const view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
      const totalLength = view.getUint32(0, false);
      if (totalLength < frameOverheadBytes || totalLength > this.maxFrameBytes) {
        throw new UpstreamUnavailableError(`Upstream event-stream frame has an invalid length of ${totalLength} bytes.`);
      }
      if (this.buffer.length < totalLength) break;
      const frame = this.buffer.subarray(0, totalLength);
      this.buffer = this.buffer.subarray(totalLength);
      messages.push(this.decodeFrame(frame));
    }
    return messages;
  }

  /** Bytes of an unfinished frame still waiting for more data. */
  get pendingBytes(): number {
    return this.buffer.length;
  }

  /** Call when the body ended: a partial frame left over means the stream was cut. */
  end(): void {
    if (this.buffer.length > 0) {
      const pending = this.buffer.length;
      this.buffer = new Uint8Array(0);
      throw new UpstreamUnavailableError(`Upstream event stream ended in the middle of a frame (${pending} bytes pending).`);
    }
  }

  private decodeFrame(frame: Uint8Array): AwsEventStreamMessage {
    let decoded;
    try {
      decoded = this.codec.decode(frame);
    } catch (error) {
      throw new UpstreamUnavailableError(`Upstream event-stream frame is corrupt: ${(error as Error).message}`, { cause: error });
    }
    const headers: Record<string, string> = {};
    for (const [name, header] of Object.entries(decoded.headers)) {
      if (header.type === 'string') headers[name] = header.value;
    }
    return { headers, body: decoded.body };
  }
}

function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first, 0);
  joined.set(second, first.length);
  return joined;
}
