import { describe, expect, it } from 'vitest';
import { Cancellation, throwIfCancelled, type CancelSignal } from './cancel-signal.js';

describe('Cancellation', () => {
  it('fires once: each listener runs once, in order, with the reason set', () => {
    const cancellation = new Cancellation();
    const seen: string[] = [];
    cancellation.addEventListener('abort', () => seen.push(`first ${String(cancellation.reason)}`));
    cancellation.addEventListener('abort', () => seen.push('second'), { once: true });
    expect(cancellation.aborted).toBe(false);
    cancellation.abort('gone');
    cancellation.abort('again');
    expect(seen).toEqual(['first gone', 'second']);
    expect(cancellation.aborted).toBe(true);
    expect(cancellation.reason).toBe('gone');
  });

  it('does not run a removed listener, nor one added after it fired', () => {
    const cancellation = new Cancellation();
    const seen: string[] = [];
    const removed = () => seen.push('removed');
    cancellation.addEventListener('abort', removed);
    cancellation.addEventListener('abort', () => seen.push('kept'));
    cancellation.removeEventListener('abort', removed);
    cancellation.removeEventListener('abort', () => undefined);
    cancellation.abort(new Error('stop'));
    cancellation.addEventListener('abort', () => seen.push('late'));
    expect(seen).toEqual(['kept']);
  });

  it('throwIfCancelled throws the reason of a fired signal, as AbortSignal.throwIfAborted does', () => {
    const reason = new Error('client left');
    const cancellation = new Cancellation();
    expect(() => throwIfCancelled(cancellation)).not.toThrow();
    expect(() => throwIfCancelled(undefined)).not.toThrow();
    cancellation.abort(reason);
    expect(() => throwIfCancelled(cancellation)).toThrow(reason);
    const controller = new AbortController();
    controller.abort(reason);
    const real: CancelSignal = controller.signal;
    expect(() => throwIfCancelled(real)).toThrow(reason);
  });
});
