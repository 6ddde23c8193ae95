import { describe, expect, it } from 'vitest';
import { ThinkingTagSplitter, type TextSegment } from './thinking-tag-splitter.js';

function run(deltas: string[]): { reasoning: string; text: string } {
  const splitter = new ThinkingTagSplitter();
  const segments: TextSegment[] = [];
  for (const delta of deltas) segments.push(...splitter.push(delta));
  segments.push(...splitter.flush());
  return {
    reasoning: segments.filter((segment) => segment.kind === 'reasoning').map((segment) => segment.text).join(''),
    text: segments.filter((segment) => segment.kind === 'text').map((segment) => segment.text).join(''),
  };
}

describe('ThinkingTagSplitter', () => {
  it('splits a leading thinking block from the answer', () => {
    expect(run(['<thinking>Let me think.</thinking>\n\nThe answer is 4.'])).toEqual({ reasoning: 'Let me think.', text: 'The answer is 4.' });
  });

  it('handles tags split across deltas, one character at a time', () => {
    const whole = '<thinking>step one, step two</thinking>\n\nDone.';
    expect(run([...whole])).toEqual({ reasoning: 'step one, step two', text: 'Done.' });
  });

  it('handles a closing tag split at every position', () => {
    for (let cut = 1; cut < 11; cut += 1) {
      const tail = '</thinking>Answer';
      expect(run(['<thinking>abc', tail.slice(0, cut), tail.slice(cut)])).toEqual({ reasoning: 'abc', text: 'Answer' });
    }
  });

  it('treats tags that do not open the answer as text', () => {
    expect(run(['Use the `<thinking>` tag like <thinking>x</thinking>.'])).toEqual({
      reasoning: '',
      text: 'Use the `<thinking>` tag like <thinking>x</thinking>.',
    });
  });

  it('does not end reasoning at a quoted closing tag', () => {
    expect(run(['<thinking>the user wrote "</thinking>" literally</thinking>Ok'])).toEqual({
      reasoning: 'the user wrote "</thinking>" literally',
      text: 'Ok',
    });
  });

  it('passes text without any thinking through unchanged', () => {
    expect(run(['Hel', 'lo', ' <thin'])).toEqual({ reasoning: '', text: 'Hello <thin' });
  });

  it('flushes unfinished reasoning when the stream ends inside it', () => {
    expect(run(['<thinking>never closed</thin'])).toEqual({ reasoning: 'never closed</thin', text: '' });
  });

  it('drops a closing tag that ends the stream', () => {
    expect(run(['<thinking>only thoughts</thinking>'])).toEqual({ reasoning: 'only thoughts', text: '' });
  });

  it('waits while the start could still become a tag', () => {
    const splitter = new ThinkingTagSplitter();
    expect(splitter.push('  <thi')).toEqual([]);
    expect(splitter.push('nking>a')).toEqual([{ kind: 'reasoning', text: 'a' }]);
  });
});
