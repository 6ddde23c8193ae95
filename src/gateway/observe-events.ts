import type { FinishReason } from '../core/finish-reason.js';
import type { StreamEvent } from '../core/stream-event.js';
import { emptyUsage, mergeUsage, type Usage } from '../core/usage.js';

export interface EventObservation {
  usage: Usage;
  /** Milliseconds from the start to the first content delta, or null if none came. */
  firstTokenAt: number | null;
  finishReason: FinishReason | null;
  error: unknown;
  completed: boolean;
}

/**
 * Passes batches of canonical events through unchanged while noting usage, time to first token, the
 * finish reason and any error; `onDone` runs exactly once, whether the stream ends, fails or is
 * abandoned. A plain iterator rather than a generator: one asynchronous step per batch, no more.
 */
export function observeEvents(
  first: StreamEvent[],
  rest: AsyncIterator<StreamEvent[]>,
  onDone: (observation: EventObservation) => void,
  now: () => number = Date.now,
): AsyncIterableIterator<StreamEvent[]> {
  const observation: EventObservation = { usage: emptyUsage(), firstTokenAt: null, finishReason: null, error: undefined, completed: false };
  const note = (event: StreamEvent): void => {
    switch (event.type) {
      case 'message-start':
        if (event.usage) observation.usage = mergeUsage(observation.usage, event.usage);
        break;
      case 'usage':
        observation.usage = mergeUsage(observation.usage, event.usage);
        break;
      case 'text-delta':
      case 'reasoning-delta':
      case 'tool-input-start':
        observation.firstTokenAt ??= now();
        break;
      case 'finish':
        observation.finishReason = event.reason;
        break;
      case 'error':
        observation.error = event.error;
        break;
      default:
        break;
    }
  };
  let firstBatch: StreamEvent[] | undefined = first.length > 0 ? first : undefined;
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    onDone(observation);
  };
  const ended = { done: true, value: undefined } as const;
  const observed: AsyncIterableIterator<StreamEvent[]> = {
    async next() {
      if (finished) return ended;
      if (firstBatch) {
        const batch = firstBatch;
        firstBatch = undefined;
        for (const event of batch) note(event);
        return { done: false, value: batch };
      }
      let next: IteratorResult<StreamEvent[]>;
      try {
        next = await rest.next();
      } catch (error) {
        observation.error = error;
        finish();
        throw error;
      }
      if (next.done) {
        observation.completed = observation.error === undefined;
        finish();
        return ended;
      }
      for (const event of next.value) note(event);
      return next;
    },
    async return() {
      if (finished) return ended;
      // Abandoned by the consumer: the client disconnected, unless the answer already ended in an error.
      if (observation.error === undefined) observation.error = new DOMException('The client closed the connection.', 'AbortError');
      finished = true;
      try {
        await rest.return?.();
      } catch {
        // The source failed while closing: the outcome is already decided.
      }
      onDone(observation);
      return ended;
    },
    [Symbol.asyncIterator]: () => observed,
  };
  return observed;
}
