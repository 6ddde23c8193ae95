import { InternalError } from './errors/internal-error.js';
import { readEventBatches } from './event-batches.js';
import type { StreamEvent } from './stream-event.js';

/** Read from a live event source when no event is there yet; a frame renderer passes it out as is. */
export const waiting = Symbol('waiting for events');
export type Waiting = typeof waiting;

/**
 * A client format's stream renderer as a synchronous generator: it reads events from `events` and
 * yields frames. Where the source yields `waiting`, no event has arrived yet: the renderer yields
 * `waiting` in turn and reads on when resumed. An error from the source is thrown where the
 * renderer reads, so its own handling (an error frame) applies. No promise per event or frame.
 */
export type FrameRenderer = (events: Iterable<StreamEvent | Waiting>) => Generator<string | Waiting, void, undefined>;

/**
 * Runs a frame renderer over event batches: the frames of the events that came together go out as
 * one string, so a whole upstream read costs one asynchronous step. Stopping early (`return()`)
 * stops the source too.
 */
export function renderEventBatches(batches: AsyncIterator<StreamEvent[]>, render: FrameRenderer): AsyncGenerator<string> {
  return runRenderer(batches, render, (frames) => frames.join(''));
}

/** The same, one frame at a time: a renderer's per-event form, as its tests and SDK checks read it. */
export async function* renderEvents(events: AsyncIterable<StreamEvent>, render: FrameRenderer): AsyncGenerator<string> {
  for await (const frames of runRenderer(readEventBatches(events), render, (frames) => frames)) yield* frames;
}

/** Renders each batch and yields what `pack` makes of its frames (when there were any). */
async function* runRenderer<T>(batches: AsyncIterator<StreamEvent[]>, render: FrameRenderer, pack: (frames: string[]) => T): AsyncGenerator<T> {
  let batch: StreamEvent[] = [];
  let index = 0;
  let ended = false;
  let failure: { error: unknown } | undefined;
  /** Set once `waiting` was read, until more events came: a renderer that reads on instead of yielding would spin. */
  let waited = false;
  const live: Iterable<StreamEvent | Waiting> = {
    [Symbol.iterator]: () => ({
      next: (): IteratorResult<StreamEvent | Waiting> => {
        if (index < batch.length) return { done: false, value: batch[index++]! };
        if (failure) {
          const { error } = failure;
          failure = undefined;
          ended = true;
          throw error;
        }
        if (ended) return { done: true, value: undefined };
        if (waited) throw new InternalError('A stream renderer read on past `waiting` instead of yielding it.');
        waited = true;
        return { done: false, value: waiting };
      },
    }),
  };
  const frames = render(live);
  let finished = false;
  try {
    for (;;) {
      const out: string[] = [];
      for (;;) {
        const next = frames.next();
        if (next.done) {
          finished = true;
          break;
        }
        if (next.value === waiting) break;
        out.push(next.value);
      }
      if (out.length > 0) yield pack(out);
      if (finished) return;
      waited = false;
      try {
        const next = await batches.next();
        if (next.done) ended = true;
        else {
          batch = next.value;
          index = 0;
        }
      } catch (error) {
        failure = { error };
      }
    }
  } finally {
    frames.return();
    // Stopped before the source ended (the client left, or the renderer ended on an error event):
    // close the source, whose own cleanup stops the upstream and reports the outcome.
    if (!ended) await batches.return?.();
  }
}
