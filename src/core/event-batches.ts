import type { StreamEvent } from './stream-event.js';

/** Where an event stream keeps its batched form (see withEventBatches). */
const batchesKey = Symbol('event batches');

interface BatchedEvents extends AsyncIterable<StreamEvent> {
  [batchesKey](): AsyncIterator<StreamEvent[]>;
}

const hasBatches = (events: AsyncIterable<StreamEvent>): events is BatchedEvents =>
  typeof (events as Partial<BatchedEvents>)[batchesKey] === 'function';

/**
 * Canonical events that a source decodes several at a time (every event of one upstream read), as
 * an event stream any consumer can read one event at a time, and that readEventBatches reads a
 * batch at a time: one asynchronous step per batch instead of one per event and stage. A batch may
 * be empty (every reader takes that in its stride), though the sources here send none. `batches` is
 * called once per iteration; its batches are handed on as they are (not copied).
 */
export function withEventBatches(batches: () => AsyncIterator<StreamEvent[]>): AsyncIterable<StreamEvent> {
  const events: BatchedEvents = {
    [batchesKey]: batches,
    [Symbol.asyncIterator]: () => flatten(batches()),
  };
  return events;
}

/**
 * Reads an event stream a batch at a time: the source's own batches when it has them
 * (withEventBatches), else one event per batch. `return()` reaches the source.
 */
export function readEventBatches(events: AsyncIterable<StreamEvent>): AsyncIterator<StreamEvent[]> {
  if (hasBatches(events)) return events[batchesKey]();
  const iterator = events[Symbol.asyncIterator]();
  return {
    next: async () => {
      const next = await iterator.next();
      return next.done ? { done: true, value: undefined } : { done: false, value: [next.value] };
    },
    return: async () => {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
  };
}

/** Batches as an event stream of their own (for consumers that take events one at a time). */
export function eventsOfBatches(batches: AsyncIterator<StreamEvent[]>): AsyncIterable<StreamEvent> {
  return withEventBatches(() => batches);
}

/** One event at a time; the events of a batch already in hand cost no wait. */
function flatten(batches: AsyncIterator<StreamEvent[]>): AsyncIterator<StreamEvent> {
  let batch: StreamEvent[] = [];
  let index = 0;
  return {
    next: async () => {
      while (index >= batch.length) {
        const next = await batches.next();
        if (next.done) return { done: true, value: undefined };
        batch = next.value;
        index = 0;
      }
      return { done: false, value: batch[index++]! };
    },
    return: async () => {
      index = batch.length;
      await batches.return?.();
      return { done: true, value: undefined };
    },
  };
}
