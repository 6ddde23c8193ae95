import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { parseSseEvent, SseEventSplitter } from './sse-event-splitter.js';

/** What eventsource-parser makes of a whole body fed in one piece (an unended last event included). */
function parseWhole(text: string): EventSourceMessage[] {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  parser.feed(text);
  parser.feed('\n\n');
  return events;
}

/** Splits text cut at the given offsets, then parses each event it yields on its own. */
function splitThenParse(text: string, cuts: number[]): { blocks: string[]; events: EventSourceMessage[]; rest: string } {
  const splitter = new SseEventSplitter();
  const blocks: string[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    blocks.push(...splitter.push(text.slice(from, cut)));
    from = cut;
  }
  const rest = splitter.flush();
  const events = [...blocks, ...(rest ? [`${rest}\n\n`] : [])].flatMap((block) => parseSseEvent(block) ?? []);
  return { blocks, events, rest };
}

const samples = {
  newlines: 'event: message_start\ndata: {"a":1}\n\n: keep-alive\n\ndata: line one\ndata: line two\n\nevent: ping\ndata: {}\n\n',
  crlf: 'event: a\r\ndata: {"x":"y"}\r\n\r\ndata: two\r\n\r\n',
  cr: 'event: a\rdata: 1\r\rdata: 2\r\r',
  mixed: 'data: 1\r\n\ndata: 2\n\r\ndata: 3\r\r\n',
  blankLinesBetween: '\n\ndata: a\n\n\n\ndata: b\n\n',
};

describe('SseEventSplitter', () => {
  it('keeps every event as the exact text it arrived as, and nothing else', () => {
    const { blocks, rest } = splitThenParse(samples.newlines, []);
    expect(blocks).toEqual(['event: message_start\ndata: {"a":1}\n\n', ': keep-alive\n\n', 'data: line one\ndata: line two\n\n', 'event: ping\ndata: {}\n\n']);
    expect(blocks.join('')).toBe(samples.newlines);
    expect(rest).toBe('');
  });

  it.each(Object.entries(samples))('gives the events eventsource-parser finds, however the %s text is cut', (_name, text) => {
    const expected = parseWhole(text);
    for (let first = 0; first <= text.length; first += 1) {
      for (const second of [first, Math.min(text.length, first + 1), Math.min(text.length, first + 3)]) {
        const { blocks, events, rest } = splitThenParse(text, [first, second]);
        expect(events).toEqual(expected);
        expect(blocks.join('') + rest).toBe(text);
      }
    }
  });

  it('does not end an event at a \\r that a \\n may still follow', () => {
    const splitter = new SseEventSplitter();
    expect(splitter.push('data: a\r')).toEqual([]);
    expect(splitter.push('\ndata: b\r\n\r\n')).toEqual(['data: a\r\ndata: b\r\n\r\n']);
  });

  it('reads the fields of one event, or nothing for comments', () => {
    expect(parseSseEvent('event: message_delta\ndata: {"usage":{}}\n\n')).toMatchObject({ event: 'message_delta', data: '{"usage":{}}' });
    expect(parseSseEvent('data: a\rdata: b\r\r')).toMatchObject({ data: 'a\nb' });
    expect(parseSseEvent(': ping\n\n')).toBeUndefined();
    expect(parseSseEvent('data: next\n\n')).toMatchObject({ data: 'next' });
  });

  it('cuts at most `limit` events and keeps the rest for later', () => {
    for (const text of [samples.newlines, samples.crlf]) {
      const splitter = new SseEventSplitter();
      const first = splitter.push(text, 1);
      expect(first).toHaveLength(1);
      expect(first[0]! + splitter.unfinished).toBe(text);
      expect([...first, ...splitter.push('')].join('')).toBe(text);
    }
  });

  it('holds an unfinished event until it ends, and hands it over at the end of the body', () => {
    const splitter = new SseEventSplitter();
    expect(splitter.push('data: {"par')).toEqual([]);
    expect(splitter.unfinished).toBe('data: {"par');
    expect(splitter.push('tial":true}\n\ndata: last')).toEqual(['data: {"partial":true}\n\n']);
    expect(splitter.flush()).toBe('data: last');
    expect(splitter.unfinished).toBe('');
  });
});
