import { describe, expect, it } from 'vitest';
import { eventsOfBatches, readEventBatches, withEventBatches } from './event-batches.js';
import type { StreamEvent } from './stream-event.js';

const delta = (text: string): StreamEvent => ({ type: 'text-delta', id: 't', delta: text });

/** A batch source that notes whether it was closed (its `finally` ran). */
function batchSource(batches: StreamEvent[][]) {
  const state = { closed: false };
  async function* generate(): AsyncGenerator<StreamEvent[]> {
    try {
      yield* batches;
    } finally {
      state.closed = true;
    }
  }
  return { state, events: withEventBatches(() => generate()) };
}

const texts = (events: StreamEvent[]) => events.map((event) => (event.type === 'text-delta' ? event.delta : event.type));

describe('event batches', () => {
  it('reads a batched source one event at a time, in order', async () => {
    const { events } = batchSource([[delta('a'), delta('b')], [], [delta('c')]]);
    const seen: StreamEvent[] = [];
    for await (const event of events) seen.push(event);
    expect(texts(seen)).toEqual(['a', 'b', 'c']);
  });

  it('hands on the source’s own batches as they are', async () => {
    const first = [delta('a'), delta('b')];
    const { events } = batchSource([first, [delta('c')]]);
    const batches = readEventBatches(events);
    const one = await batches.next();
    expect(one.value).toBe(first);
    expect(texts((await batches.next()).value as StreamEvent[])).toEqual(['c']);
    expect((await batches.next()).done).toBe(true);
  });

  it('makes one-event batches of a source without batches', async () => {
    async function* plain(): AsyncGenerator<StreamEvent> {
      yield delta('a');
      yield delta('b');
    }
    const seen: StreamEvent[][] = [];
    const batches = readEventBatches(plain());
    for (let next = await batches.next(); !next.done; next = await batches.next()) seen.push(next.value);
    expect(seen.map(texts)).toEqual([['a'], ['b']]);
  });

  it('closes the source when a reader stops early, read by event or by batch', async () => {
    const byEvent = batchSource([[delta('a'), delta('b')], [delta('c')]]);
    for await (const event of byEvent.events) if (event.type === 'text-delta') break;
    expect(byEvent.state.closed).toBe(true);

    const byBatch = batchSource([[delta('a')], [delta('b')]]);
    const batches = readEventBatches(byBatch.events);
    await batches.next();
    await batches.return?.();
    expect(byBatch.state.closed).toBe(true);

    let plainClosed = false;
    async function* plain(): AsyncGenerator<StreamEvent> {
      try {
        yield delta('a');
        yield delta('b');
      } finally {
        plainClosed = true;
      }
    }
    const wrapped = readEventBatches(plain());
    await wrapped.next();
    await wrapped.return?.();
    expect(plainClosed).toBe(true);
  });

  it('passes a source’s failure on after the events before it', async () => {
    const failure = new Error('socket closed');
    async function* failing(): AsyncGenerator<StreamEvent[]> {
      yield [delta('a')];
      throw failure;
    }
    const seen: StreamEvent[] = [];
    await expect(
      (async () => {
        for await (const event of eventsOfBatches(failing())) seen.push(event);
      })(),
    ).rejects.toBe(failure);
    expect(texts(seen)).toEqual(['a']);
  });
});
