import { describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { StreamContract } from './stream-contract.js';

const types = (events: StreamEvent[]) => events.map((event) => event.type);

describe('StreamContract', () => {
  it('holds events until the first content, then releases them led by a message-start', () => {
    const contract = new StreamContract();
    const out: StreamEvent[] = [];
    contract.push({ type: 'usage', usage: { inputTokens: 3 } }, out);
    expect(out).toEqual([]);
    contract.push({ type: 'text-start', id: 't' }, out);
    expect(types(out)).toEqual(['message-start', 'usage', 'text-start']);
    contract.push({ type: 'text-delta', id: 't', delta: 'hi' }, out);
    expect(types(out).at(-1)).toBe('text-delta');
    expect(contract.done).toBe(false);
  });

  it('closes open blocks before the finish and is done after it', () => {
    const contract = new StreamContract();
    const out: StreamEvent[] = [];
    contract.push({ type: 'message-start', id: 'm' }, out);
    contract.push({ type: 'tool-input-start', id: 'c', name: 'f' }, out);
    contract.push({ type: 'finish', reason: 'tool-calls' }, out);
    expect(types(out)).toEqual(['message-start', 'tool-input-start', 'tool-input-end', 'usage', 'finish']);
    expect(contract.done).toBe(true);
  });

  it('throws a failure before content and ends with an error event after it', () => {
    const early = new StreamContract();
    expect(() => early.push({ type: 'error', error: new UpstreamUnavailableError('Overloaded') }, [])).toThrow('Overloaded');
    expect(() => early.end([])).toThrow(UpstreamUnavailableError);

    const late = new StreamContract();
    const out: StreamEvent[] = [];
    late.push({ type: 'text-start', id: 't' }, out);
    late.fail(Object.assign(new Error('reset'), { code: 'UND_ERR_SOCKET' }), new AbortController().signal, out);
    expect(types(out).slice(-3)).toEqual(['text-end', 'usage', 'error']);
    expect(late.done).toBe(true);
  });
});
