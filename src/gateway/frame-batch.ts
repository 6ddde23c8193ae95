/**
 * Frames gathered into one chunk: consecutive text frames are joined and encoded once, since one
 * encoding of the whole costs less than one per frame.
 */
export class FrameBatch {
  private text = '';
  private readonly bytes: Uint8Array[] = [];

  add(frame: string | Uint8Array): void {
    if (typeof frame === 'string') {
      this.text += frame;
      return;
    }
    this.flushText();
    this.bytes.push(frame);
  }

  /** The frames as at most one chunk (none if there were none, or only empty ones). */
  take(): Uint8Array[] {
    this.flushText();
    const parts = this.bytes.filter((part) => part.byteLength > 0);
    this.bytes.length = 0;
    return parts.length <= 1 ? parts : [Buffer.concat(parts)];
  }

  private flushText(): void {
    if (this.text === '') return;
    this.bytes.push(Buffer.from(this.text, 'utf8'));
    this.text = '';
  }
}
