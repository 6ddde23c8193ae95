import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { transportErrorToGatewayError } from './classify-transport-error.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

type BlockKind = 'text' | 'reasoning' | 'tool';

const isContentEvent = (event: StreamEvent): boolean =>
  event.type === 'text-start' ||
  event.type === 'reasoning-start' ||
  event.type === 'tool-input-start' ||
  event.type === 'redacted-reasoning' ||
  event.type === 'finish';

const isAbort = (error: unknown): boolean => error instanceof Error && (error.name === 'AbortError' || error.name === 'ResponseAborted');

/**
 * The canonical order of a provider stream, enforced one event at a time without any waiting of
 * its own (see enforceStreamContract for the rules). Each call appends what may go to the consumer
 * now to `out`; a failure that comes before any content is thrown instead, so the pool may fail over.
 */
export class StreamContract {
  /** Set once the finish or error has been passed on: nothing may follow it. */
  done = false;
  private readonly open = new Map<string, BlockKind>();
  private held: StreamEvent[] | null = [];
  private sawUsage = false;

  /** The next event from the upstream. */
  push(raw: StreamEvent, out: StreamEvent[]): void {
    if (raw.type === 'error') {
      if (this.held !== null) throw raw.error;
      this.close(out);
      out.push(raw);
      return;
    }
    if (raw.type === 'finish') {
      this.release(out);
      this.close(out);
      out.push(raw);
      return;
    }
    const event = this.track(raw);
    if (event === undefined) return;
    if (this.held === null) {
      out.push(event);
      return;
    }
    if (event.type === 'message-start') this.held.unshift(event);
    else this.held.push(event);
    if (isContentEvent(event)) this.release(out);
  }

  /**
   * The upstream failed. A client abort is rethrown unchanged; before any content the failure is
   * thrown as a typed error; after it the stream ends with an `error` event.
   */
  fail(error: unknown, signal: CancelSignal, out: StreamEvent[]): void {
    if (signal.aborted || isAbort(error)) throw error;
    const classified = transportErrorToGatewayError(error);
    if (this.held !== null) throw classified;
    this.close(out);
    out.push({ type: 'error', error: classified });
  }

  /** The upstream ended without a finish: 'other' after content, UpstreamUnavailableError before it. */
  end(out: StreamEvent[]): void {
    if (this.held !== null) throw new UpstreamUnavailableError('Upstream stream ended before any content.');
    this.close(out);
    out.push({ type: 'finish', reason: 'other' });
  }

  /** The held events go out, led by exactly one message-start. */
  private release(out: StreamEvent[]): void {
    const held = this.held;
    if (held === null) return;
    this.held = null;
    if (held[0]?.type !== 'message-start') out.push({ type: 'message-start' });
    for (const event of held) out.push(event);
  }

  /** Closes every open block and makes sure a usage event came; the stream is done after this. */
  private close(out: StreamEvent[]): void {
    for (const [id, kind] of this.open) {
      if (kind === 'text') out.push({ type: 'text-end', id });
      else if (kind === 'reasoning') out.push({ type: 'reasoning-end', id });
      else out.push({ type: 'tool-input-end', id });
    }
    this.open.clear();
    if (!this.sawUsage) out.push({ type: 'usage', usage: {} });
    this.sawUsage = true;
    this.done = true;
  }

  private track(event: StreamEvent): StreamEvent | undefined {
    switch (event.type) {
      case 'message-start':
        if (this.held !== null && !this.held.some((item) => item.type === 'message-start')) return event;
        return event.usage ? { type: 'usage', usage: event.usage } : undefined;
      case 'text-start':
        this.open.set(event.id, 'text');
        return event;
      case 'reasoning-start':
        this.open.set(event.id, 'reasoning');
        return event;
      case 'tool-input-start':
        this.open.set(event.id, 'tool');
        return event;
      case 'text-end':
      case 'reasoning-end':
      case 'tool-input-end':
        return this.open.delete(event.id) ? event : undefined;
      case 'usage':
        this.sawUsage = true;
        return event;
      default:
        return event;
    }
  }
}

/**
 * The events decoded from a whole (unstreamed) answer, in contract order. A failure before any
 * content is thrown, as it is from a stream.
 */
export function inContractOrder(decoded: readonly StreamEvent[]): StreamEvent[] {
  const contract = new StreamContract();
  const out: StreamEvent[] = [];
  for (const event of decoded) if (!contract.done) contract.push(event, out);
  if (!contract.done) contract.end(out);
  return out;
}
