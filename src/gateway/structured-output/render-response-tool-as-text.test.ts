import { describe, expect, it } from 'vitest';
import { collectStream } from '../../core/collect-stream.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { renderResponseToolAsText } from './render-response-tool-as-text.js';

async function* from(events: StreamEvent[]): AsyncGenerator<StreamEvent> {
  yield* events;
}
const run = async (events: StreamEvent[]) => {
  const out: StreamEvent[] = [];
  for await (const event of renderResponseToolAsText(from(events), 'structured_output')) out.push(event);
  return out;
};
const start: StreamEvent = { type: 'message-start', id: 'msg_1' };
const call = (id: string, name: string, pieces: string[]): StreamEvent[] => [
  { type: 'tool-input-start', id, name },
  ...pieces.map((delta): StreamEvent => ({ type: 'tool-input-delta', id, delta })),
  { type: 'tool-input-end', id },
];
const text = (id: string, value: string): StreamEvent[] => [
  { type: 'text-start', id },
  { type: 'text-delta', id, delta: value },
  { type: 'text-end', id },
];
const end = (reason: 'tool-calls' | 'stop'): StreamEvent[] => [
  { type: 'usage', usage: { outputTokens: 7 } },
  { type: 'finish', reason },
];

describe('renderResponseToolAsText', () => {
  it('streams the response tool input as text deltas and finishes with stop', async () => {
    const out = await run([start, ...call('t1', 'structured_output', ['{"city":', '"Paris"}']), ...end('tool-calls')]);
    expect(out).toEqual([
      start,
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: '{"city":' },
      { type: 'text-delta', id: 't1', delta: '"Paris"}' },
      { type: 'text-end', id: 't1' },
      { type: 'usage', usage: { outputTokens: 7 } },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('drops a preamble written before the call, text after it, and a second call', async () => {
    const events = [
      start,
      ...text('x0', 'Here is the JSON:'),
      ...call('t1', 'structured_output', ['{"a":1}']),
      ...text('x1', 'Anything else?'),
      ...call('t2', 'structured_output', ['{"a":2}']),
      ...end('tool-calls'),
    ];
    const result = await collectStream(renderResponseToolAsText(from(events), 'structured_output'));
    expect(result.content).toEqual([{ type: 'text', text: '{"a":1}' }]);
    expect(result.finishReason).toBe('stop');
  });

  it('keeps usage that arrived while a dropped preamble was held', async () => {
    const events: StreamEvent[] = [start, ...text('x0', 'Here:'), { type: 'usage', usage: { inputTokens: 9 } }, ...call('t1', 'structured_output', ['{}']), ...end('tool-calls')];
    const result = await collectStream(renderResponseToolAsText(from(events), 'structured_output'));
    expect(result.usage.inputTokens).toBe(9);
    expect(result.content).toEqual([{ type: 'text', text: '{}' }]);
  });

  it('an empty call still answers with a JSON object', async () => {
    const result = await collectStream(renderResponseToolAsText(from([start, ...call('t1', 'structured_output', []), ...end('tool-calls')]), 'structured_output'));
    expect(result.content).toEqual([{ type: 'text', text: '{}' }]);
  });

  it('lets client tool calls through with the text before them, keeping tool-calls as the reason', async () => {
    const events = [start, ...text('x0', 'Checking.'), ...call('c1', 'get_weather', ['{"city":"Paris"}']), ...end('tool-calls')];
    expect(await run(events)).toEqual(events);
  });

  it('a model that answers in text anyway keeps its text, released at the finish', async () => {
    const events = [start, ...text('x0', '{"city":"Paris"}'), ...end('stop')];
    expect(await run(events)).toEqual(events);
  });

  it('releases held text before an error and before reasoning', async () => {
    const failure = new UpstreamUnavailableError('cut');
    const withError = [start, ...text('x0', 'Partial'), { type: 'error', error: failure } as StreamEvent];
    expect(await run(withError)).toEqual(withError);
    const withReasoning: StreamEvent[] = [start, ...text('x0', 'a'), { type: 'reasoning-start', id: 'r' }, { type: 'reasoning-end', id: 'r' }, ...end('stop')];
    expect(await run(withReasoning)).toEqual(withReasoning);
  });

  it('does not hold an endless preamble', async () => {
    const long = 'x'.repeat(70 * 1024);
    const out = await run([start, { type: 'text-start', id: 'x0' }, { type: 'text-delta', id: 'x0', delta: long }, { type: 'text-delta', id: 'x0', delta: 'more' }]);
    expect(out.map((event) => event.type)).toEqual(['message-start', 'text-start', 'text-delta', 'text-delta']);
  });
});
