import { StringDecoder } from 'node:string_decoder';

/**
 * Decodes a UTF-8 byte stream to the same text as `TextDecoder` with `{ stream: true }` (a leading
 * byte order mark dropped, each invalid sequence replaced by U+FFFD, a character split between
 * chunks kept for the next), through Node's StringDecoder: several times faster than TextDecoder on
 * Node 20, which matters for every streamed answer read. One difference in timing only: a chunk that
 * ends in a byte that can never start a character gets its U+FFFD with the next chunk.
 */
export class Utf8StreamDecoder {
  private readonly decoder = new StringDecoder('utf8');
  private atStart = true;

  write(chunk: Uint8Array): string {
    return this.dropByteOrderMark(this.decoder.write(chunk));
  }

  /** What is left at the end (a character cut short becomes U+FFFD). */
  end(): string {
    return this.dropByteOrderMark(this.decoder.end());
  }

  private dropByteOrderMark(text: string): string {
    if (!this.atStart || text === '') return text;
    this.atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}
