import { describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { readEventBatches, withEventBatches } from '../../core/event-batches.js';
import { enforceStreamContract } from './enforce-stream-contract.js';

async function* source(events: StreamEvent[], failure?: unknown): AsyncGenerator<StreamEvent> {
  for (const event of events) yield event;
  if (failure !== undefined) throw failure;
}

async function run(events: StreamEvent[], failure?: unknown, signal = new AbortController().signal): Promise<StreamEvent[]> {
  const result: StreamEvent[] = [];
  for await (const event of enforceStreamContract(source(events, failure), signal)) result.push(event);
  return result;
}

const types = (events: StreamEvent[]) => events.map((event) => event.type);

describe('enforceStreamContract', () => {
  it('passes a complete stream through unchanged', async () => {
    const events: StreamEvent[] = [
      { type: 'message-start', id: 'm' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'hi' },
      { type: 'text-end', id: 't' },
      { type: 'usage', usage: { outputTokens: 1 } },
      { type: 'finish', reason: 'stop' },
    ];
    expect(await run(events)).toEqual(events);
  });

  it('adds a message-start, closes open blocks and adds usage before the finish', async () => {
    const events = await run([
      { type: 'text-start', id: 't' },
      { type: 'tool-input-start', id: 'call', name: 'x' },
      { type: 'finish', reason: 'tool-calls' },
    ]);
    expect(types(events)).toEqual(['message-start', 'text-start', 'tool-input-start', 'text-end', 'tool-input-end', 'usage', 'finish']);
  });

  it('keeps only the first message-start and turns later ones into usage', async () => {
    const events = await run([
      { type: 'usage', usage: { inputTokens: 3 } },
      { type: 'message-start', id: 'a' },
      { type: 'text-start', id: 't' },
      { type: 'message-start', id: 'b', usage: { inputTokens: 4 } },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(types(events)).toEqual(['message-start', 'usage', 'text-start', 'usage', 'text-end', 'finish']);
    expect(events[0]).toEqual({ type: 'message-start', id: 'a' });
  });

  it('finishes with other when content was sent but the stream just ended', async () => {
    const events = await run([{ type: 'message-start' }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'x' }]);
    expect(events.slice(-3)).toEqual([{ type: 'text-end', id: 't' }, { type: 'usage', usage: {} }, { type: 'finish', reason: 'other' }]);
  });

  it('throws UpstreamUnavailableError when the stream ends before any content', async () => {
    await expect(run([{ type: 'message-start', id: 'm' }])).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it('throws an early upstream error event instead of yielding it, so the pool can fail over', async () => {
    const error = new UpstreamUnavailableError('Overloaded', { upstreamStatus: 529 });
    await expect(run([{ type: 'message-start' }, { type: 'error', error }])).rejects.toBe(error);
  });

  it('turns a connection failure after content into an error event', async () => {
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const events = await run([{ type: 'message-start' }, { type: 'text-start', id: 't' }], reset);
    expect(types(events)).toEqual(['message-start', 'text-start', 'text-end', 'usage', 'error']);
    const last = events.at(-1);
    expect(last?.type === 'error' && last.error.kind).toBe('upstream_unavailable');
  });

  it('classifies a body timeout as a timeout', async () => {
    const timeout = Object.assign(new Error('Body Timeout Error'), { code: 'UND_ERR_BODY_TIMEOUT' });
    const events = await run([{ type: 'text-start', id: 't' }], timeout);
    const last = events.at(-1);
    expect(last?.type === 'error' && last.error.kind).toBe('timeout');
  });

  it('rethrows a client abort unchanged', async () => {
    const controller = new AbortController();
    const abort = new DOMException('This operation was aborted', 'AbortError');
    controller.abort(abort);
    await expect(run([{ type: 'text-start', id: 't' }], abort, controller.signal)).rejects.toBe(abort);
  });

  describe('on a source that carries batches', () => {
    const start: StreamEvent = { type: 'message-start', id: 'm' };
    const text: StreamEvent[] = [{ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'a' }];
    const ending: StreamEvent[] = [{ type: 'text-end', id: 't' }, { type: 'usage', usage: { outputTokens: 1 } }, { type: 'finish', reason: 'stop' }];

    /** A batched source that notes whether it was closed. */
    function batched(batches: StreamEvent[][]) {
      const state = { closed: false, read: 0 };
      const events = withEventBatches(() =>
        (async function* () {
          try {
            for (const batch of batches) {
              state.read += 1;
              yield batch;
            }
          } finally {
            state.closed = true;
          }
        })(),
      );
      return { events, state };
    }

    async function readBatches(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[][]> {
      const iterator = readEventBatches(events);
      const batches: StreamEvent[][] = [];
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) batches.push([...next.value]);
      return batches;
    }

    it('hands on one ordered batch per source batch, holding the start until content', async () => {
      const { events } = batched([[start], [...text, { type: 'text-delta', id: 't', delta: 'b' }], ending]);
      const batches = await readBatches(enforceStreamContract(events, new AbortController().signal));
      expect(batches.map(types)).toEqual([['message-start', 'text-start', 'text-delta', 'text-delta'], ['text-end', 'usage', 'finish']]);
    });

    it('drops what follows the finish in its batch and closes the source without reading on', async () => {
      const { events, state } = batched([[start, ...text, ...ending, { type: 'text-delta', id: 't', delta: 'late' }], [{ type: 'text-start', id: 'u' }]]);
      const batches = await readBatches(enforceStreamContract(events, new AbortController().signal));
      expect(batches.flat().at(-1)).toEqual({ type: 'finish', reason: 'stop' });
      expect(batches.flat().filter((event) => event.type === 'text-delta')).toHaveLength(1);
      expect(state).toEqual({ closed: true, read: 1 });
    });

    it('closes the source when the reader stops early', async () => {
      const { events, state } = batched([[start, ...text], [{ type: 'text-delta', id: 't', delta: 'b' }], ending]);
      const iterator = readEventBatches(enforceStreamContract(events, new AbortController().signal));
      await iterator.next();
      await iterator.return?.();
      expect(state).toEqual({ closed: true, read: 1 });
    });

    it('reads the same events one at a time as the unbatched stream gives', async () => {
      const all = [start, ...text, ...ending];
      const { events } = batched([[start], text, ending]);
      const result: StreamEvent[] = [];
      for await (const event of enforceStreamContract(events, new AbortController().signal)) result.push(event);
      expect(result).toEqual(await run(all));
    });
  });
});
