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
 * finish reason and any error; `onDone` runs exactly once, whether the stream ends, fails or is abandoned.
 */
export async function* observeEvents(
  first: StreamEvent[],
  rest: AsyncIterator<StreamEvent[]>,
  onDone: (observation: EventObservation) => void,
  now: () => number = Date.now,
): AsyncGenerator<StreamEvent[]> {
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
  try {
    if (first.length > 0) {
      for (const event of first) note(event);
      yield first;
    }
    while (true) {
      const next = await rest.next();
      if (next.done) break;
      for (const event of next.value) note(event);
      yield next.value;
    }
    observation.completed = observation.error === undefined;
  } catch (error) {
    observation.error = error;
    throw error;
  } finally {
    if (!observation.completed && observation.error === undefined) {
      // Abandoned by the consumer (client disconnected): stop the upstream too.
      observation.error = new DOMException('The client closed the connection.', 'AbortError');
      await rest.return?.().catch(() => undefined);
    }
    onDone(observation);
  }
}
