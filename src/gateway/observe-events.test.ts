import { describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../core/errors/upstream-unavailable-error.js';
import { eventsOfBatches, readEventBatches } from '../core/event-batches.js';
import type { StreamEvent } from '../core/stream-event.js';
import { observeEvents as observeBatches, type EventObservation } from './observe-events.js';

/** Reads the observed batches one event at a time, from a source of one event per batch. */
const observeEvents = (first: StreamEvent | undefined, rest: AsyncIterable<StreamEvent>, onDone: (observation: EventObservation) => void, now?: () => number) =>
  eventsOfBatches(observeBatches(first ? [first] : [], readEventBatches(rest), onDone, now))[Symbol.asyncIterator]();

function source(events: StreamEvent[], failure?: unknown): AsyncGenerator<StreamEvent> & { returned: () => boolean } {
  let returned = false;
  async function* generate(): AsyncGenerator<StreamEvent> {
    try {
      for (const event of events) yield event;
      if (failure !== undefined) throw failure;
    } finally {
      returned = true;
    }
  }
  return Object.assign(generate(), { returned: () => returned });
}

const stream: StreamEvent[] = [
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Hi' },
  { type: 'text-end', id: 't' },
  { type: 'usage', usage: { outputTokens: 2 } },
  { type: 'finish', reason: 'stop' },
];

describe('observeEvents', () => {
  it('passes every event through, the first one included, and notes the answer once at its end', async () => {
    const seen: EventObservation[] = [];
    const events = observeEvents({ type: 'message-start', id: 'm', usage: { inputTokens: 5 } }, source(stream), (observation) => seen.push(observation), () => 42);
    const types: string[] = [];
    for await (const event of { [Symbol.asyncIterator]: () => events }) types.push(event.type);
    expect(types).toEqual(['message-start', 'text-start', 'text-delta', 'text-end', 'usage', 'finish']);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ firstTokenAt: 42, finishReason: 'stop', error: undefined, completed: true });
    expect(seen[0]?.usage).toMatchObject({ inputTokens: 5, outputTokens: 2 });
    expect(await events.next()).toEqual({ done: true, value: undefined });
    expect(seen).toHaveLength(1);
  });

  it('notes an error event, and a failure of the source, which it rethrows', async () => {
    const error = new UpstreamUnavailableError('Overloaded');
    const seen: EventObservation[] = [];
    for await (const _event of { [Symbol.asyncIterator]: () => observeEvents(undefined, source([{ type: 'text-start', id: 't' }, { type: 'error', error }]), (o) => seen.push(o)) }) {
      // read to the end
    }
    expect(seen).toMatchObject([{ error, completed: false }]);

    const cut = new Error('socket closed');
    const failing = observeEvents(undefined, source([{ type: 'text-start', id: 't' }], cut), (o) => seen.push(o));
    await expect((async () => {
      for await (const _event of { [Symbol.asyncIterator]: () => failing }) {
        // read until it fails
      }
    })()).rejects.toBe(cut);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({ error: cut, completed: false });
  });

  it('hands each batch on whole, in one step', async () => {
    const batches = [[stream[0]!, stream[1]!], [stream[2]!, stream[3]!, stream[4]!]];
    async function* source(): AsyncGenerator<StreamEvent[]> {
      yield* batches;
    }
    const seen: StreamEvent[][] = [];
    for await (const batch of observeBatches([], source(), () => undefined)) seen.push(batch);
    expect(seen).toEqual(batches);
  });

  it('stops the source and notes a client abort when the consumer leaves early', async () => {
    const upstream = source(stream);
    const seen: EventObservation[] = [];
    for await (const event of { [Symbol.asyncIterator]: () => observeEvents(undefined, upstream, (o) => seen.push(o)) }) {
      if (event.type === 'text-delta') break;
    }
    expect(upstream.returned()).toBe(true);
    expect(seen).toHaveLength(1);
    expect((seen[0]?.error as Error).name).toBe('AbortError');
  });
});
