import { createParser, type EventSourceMessage } from 'eventsource-parser';

/**
 * Cuts Server-Sent Events text into whole events, each kept as the exact text it arrived as (its
 * field lines and the blank line that ends it), so that a relay can send unchanged events on as
 * they were and look into only the few it needs. Lines may end in \n, \r\n or \r, as the
 * specification allows. Reading an event's fields is left to a real parser (eventsource-parser).
 */
export class SseEventSplitter {
  private pending = '';

  /**
   * The events this text completes, in order; the unfinished rest is kept for the next call. With a
   * `limit`, at most that many are cut and the rest is kept too (push '' to go on).
   */
  push(text: string, limit = Number.POSITIVE_INFINITY): string[] {
    const buffer = this.pending + text;
    const events: string[] = [];
    const end = buffer.includes('\r') ? this.splitAnyLineEnds(buffer, events, limit) : this.splitNewlines(buffer, events, limit);
    this.pending = end === 0 ? buffer : buffer.slice(end);
    return events;
  }

  /** The text of an event still unfinished. */
  get unfinished(): string {
    return this.pending;
  }

  /** Takes what is left at the end of the body (an event never ended by a blank line), leaving nothing. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }

  /** Only \n line ends: an event ends at the first "\n\n" (a line end, then an empty line). */
  private splitNewlines(buffer: string, events: string[], limit: number): number {
    let start = 0;
    for (let blank = buffer.indexOf('\n\n'); blank >= 0 && events.length < limit; blank = buffer.indexOf('\n\n', start)) {
      events.push(buffer.slice(start, blank + 2));
      start = blank + 2;
    }
    return start;
  }

  /**
   * Any line ends. A \r at the very end stays unread: the \n that may follow it is part of the same
   * line end, and reading it as two would end an event too early.
   */
  private splitAnyLineEnds(buffer: string, events: string[], limit: number): number {
    let start = 0;
    let lineStart = 0;
    for (let index = 0; index < buffer.length && events.length < limit; ) {
      const code = buffer.charCodeAt(index);
      if (code !== 10 && code !== 13) {
        index += 1;
        continue;
      }
      if (code === 13 && index === buffer.length - 1) break;
      const lineEnd = index;
      index += code === 13 && buffer.charCodeAt(index + 1) === 10 ? 2 : 1;
      if (lineEnd === lineStart) {
        events.push(buffer.slice(start, index));
        start = index;
      }
      lineStart = index;
    }
    return start;
  }
}

let parsed: EventSourceMessage | undefined;
const blockParser = createParser({ onEvent: (event) => void (parsed = event) });

/**
 * The fields of one whole event, as the splitter gave it (eventsource-parser reads them); undefined
 * for a block that holds only comments or blank lines. A last line end of a lone \r is read as ended
 * at once (it is the same line end as \r\n).
 */
export function parseSseEvent(block: string): EventSourceMessage | undefined {
  parsed = undefined;
  blockParser.feed(block.endsWith('\r') ? `${block}\n` : block);
  const event = parsed;
  parsed = undefined;
  return event;
}
