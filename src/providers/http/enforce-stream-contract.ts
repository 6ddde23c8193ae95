import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { transportErrorToGatewayError } from './classify-transport-error.js';

type BlockKind = 'text' | 'reasoning' | 'tool';

const isContentEvent = (event: StreamEvent): boolean =>
  event.type === 'text-start' ||
  event.type === 'reasoning-start' ||
  event.type === 'tool-input-start' ||
  event.type === 'redacted-reasoning' ||
  event.type === 'finish';

const isAbort = (error: unknown): boolean => error instanceof Error && (error.name === 'AbortError' || error.name === 'ResponseAborted');

/**
 * The last stage of every provider stream. It guarantees the canonical order: exactly one
 * `message-start` first, every opened block closed, a `usage` event, and exactly one `finish` or
 * `error` at the end. Until the first content arrives nothing is yielded, so a failure that early
 * is thrown (the pool may fail over); later failures become an `error` event. A stream that ends
 * without a finish after content finishes with 'other'; one that ends before any content throws
 * UpstreamUnavailableError. A client abort is rethrown unchanged.
 */
export async function* enforceStreamContract(events: AsyncIterable<StreamEvent>, signal: AbortSignal): AsyncGenerator<StreamEvent> {
  const open = new Map<string, BlockKind>();
  let held: StreamEvent[] | null = [];
  let sawUsage = false;

  const closeOpen = function* (): Generator<StreamEvent> {
    for (const [id, kind] of open) {
      if (kind === 'text') yield { type: 'text-end', id };
      else if (kind === 'reasoning') yield { type: 'reasoning-end', id };
      else yield { type: 'tool-input-end', id };
    }
    open.clear();
    if (!sawUsage) yield { type: 'usage', usage: {} };
    sawUsage = true;
  };

  const track = (event: StreamEvent): StreamEvent | undefined => {
    switch (event.type) {
      case 'message-start':
        if (held !== null && !held.some((item) => item.type === 'message-start')) return event;
        return event.usage ? { type: 'usage', usage: event.usage } : undefined;
      case 'text-start':
        open.set(event.id, 'text');
        return event;
      case 'reasoning-start':
        open.set(event.id, 'reasoning');
        return event;
      case 'tool-input-start':
        open.set(event.id, 'tool');
        return event;
      case 'text-end':
      case 'reasoning-end':
      case 'tool-input-end':
        return open.delete(event.id) ? event : undefined;
      case 'usage':
        sawUsage = true;
        return event;
      default:
        return event;
    }
  };

  try {
    for await (const raw of events) {
      if (raw.type === 'error') {
        if (held !== null) throw raw.error;
        yield* closeOpen();
        yield raw;
        return;
      }
      if (raw.type === 'finish') {
        if (held !== null) {
          const pending = held;
          held = null;
          if (pending[0]?.type !== 'message-start') pending.unshift({ type: 'message-start' });
          yield* pending;
        }
        yield* closeOpen();
        yield raw;
        return;
      }
      const event = track(raw);
      if (event === undefined) continue;
      if (held === null) {
        yield event;
        continue;
      }
      if (event.type === 'message-start') held.unshift(event);
      else held.push(event);
      if (isContentEvent(event)) {
        if (held[0]?.type !== 'message-start') held.unshift({ type: 'message-start' });
        const pending = held;
        held = null;
        yield* pending;
      }
    }
  } catch (error) {
    if (signal.aborted || isAbort(error)) throw error;
    const classified = transportErrorToGatewayError(error);
    if (held !== null) throw classified;
    yield* closeOpen();
    yield { type: 'error', error: classified };
    return;
  }
  if (held !== null) throw new UpstreamUnavailableError('Upstream stream ended before any content.');
  yield* closeOpen();
  yield { type: 'finish', reason: 'other' };
}
