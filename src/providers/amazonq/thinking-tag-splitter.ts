export interface TextSegment {
  kind: 'text' | 'reasoning';
  text: string;
}

const openTag = '<thinking>';
const closeTag = '</thinking>';
const quoteCharacters = new Set(['`', '"', "'"]);

/**
 * Splits streamed text into reasoning and answer. Reasoning is only recognised as a `<thinking>`
 * block at the very start of the answer (after whitespace), which is where the model puts it when
 * the thinking prefix asked for it; tags quoted later in the answer are plain text. Tags split
 * across deltas are held back until they can be decided. A closing tag directly inside quotes or
 * backticks is part of the reasoning, not its end.
 */
export class ThinkingTagSplitter {
  private state: 'start' | 'reasoning' | 'text' = 'start';
  private pending = '';
  private trimNextTextStart = false;

  push(delta: string): TextSegment[] {
    this.pending += delta;
    const segments: TextSegment[] = [];
    for (;;) {
      if (this.state === 'start') {
        const trimmed = this.pending.trimStart();
        if (trimmed.startsWith(openTag)) {
          this.state = 'reasoning';
          this.pending = trimmed.slice(openTag.length);
          continue;
        }
        if (openTag.startsWith(trimmed)) return segments;
        this.state = 'text';
        continue;
      }
      if (this.state === 'text') {
        this.emitText(segments, this.pending);
        this.pending = '';
        return segments;
      }
      const end = this.findRealCloseTag();
      if (end === 'undecided') return segments;
      if (end === undefined) {
        const keep = partialTagLength(this.pending, closeTag);
        const text = this.pending.slice(0, this.pending.length - keep);
        if (text.length > 0) segments.push({ kind: 'reasoning', text });
        this.pending = this.pending.slice(this.pending.length - keep);
        return segments;
      }
      const reasoning = this.pending.slice(0, end);
      if (reasoning.length > 0) segments.push({ kind: 'reasoning', text: reasoning });
      this.pending = this.pending.slice(end + closeTag.length);
      this.state = 'text';
      this.trimNextTextStart = true;
    }
  }

  /** Flushes held-back text (at the end of the stream, or before a tool call). */
  flush(): TextSegment[] {
    const rest = this.pending;
    this.pending = '';
    if (rest.length === 0) return [];
    if (this.state === 'reasoning') {
      const text = rest.endsWith(closeTag) ? rest.slice(0, -closeTag.length) : rest;
      this.state = 'text';
      this.trimNextTextStart = true;
      return text.length > 0 ? [{ kind: 'reasoning', text }] : [];
    }
    this.state = 'text';
    const segments: TextSegment[] = [];
    this.emitText(segments, rest);
    return segments;
  }

  private emitText(segments: TextSegment[], raw: string): void {
    let text = raw;
    if (this.trimNextTextStart) {
      text = text.replace(/^\s+/, '');
      if (text.length === 0) return;
      this.trimNextTextStart = false;
    }
    if (text.length > 0) segments.push({ kind: 'text', text });
  }

  /** Index of the first unquoted `</thinking>`, undefined if none, 'undecided' if the next character is needed. */
  private findRealCloseTag(): number | undefined | 'undecided' {
    let from = 0;
    for (;;) {
      const index = this.pending.indexOf(closeTag, from);
      if (index < 0) return undefined;
      const after = index + closeTag.length;
      if (after >= this.pending.length) return index === 0 || !quoteCharacters.has(this.pending[index - 1] ?? '') ? 'undecided' : undefined;
      const quoted = quoteCharacters.has(this.pending[index - 1] ?? '') || quoteCharacters.has(this.pending[after] ?? '');
      if (!quoted) return index;
      from = after;
    }
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagLength(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length -= 1) {
    if (tag.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}
