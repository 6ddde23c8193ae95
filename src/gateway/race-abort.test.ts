import { describe, expect, it } from 'vitest';
import { raceAbort } from './race-abort.js';

describe('raceAbort', () => {
  it('settles with the work when it finishes first', async () => {
    await expect(raceAbort(Promise.resolve(1), new AbortController().signal, () => undefined)).resolves.toBe(1);
    await expect(raceAbort(Promise.reject(new Error('no')), new AbortController().signal, () => undefined)).rejects.toThrow('no');
  });

  it('rejects with the reason at once on abort, and hands a late value to discard', async () => {
    const controller = new AbortController();
    let finish: (value: string) => void = () => undefined;
    const work = new Promise<string>((resolve) => (finish = resolve));
    const discarded: string[] = [];
    const raced = raceAbort(work, controller.signal, (late) => void discarded.push(late));
    controller.abort(new Error('deadline'));
    await expect(raced).rejects.toThrow('deadline');
    finish('late body');
    await work;
    await new Promise((resolve) => setImmediate(resolve));
    expect(discarded).toEqual(['late body']);
  });

  it('rejects at once when already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const discarded: number[] = [];
    await expect(raceAbort(Promise.resolve(7), controller.signal, (late) => void discarded.push(late))).rejects.toThrow('gone');
    await new Promise((resolve) => setImmediate(resolve));
    expect(discarded).toEqual([7]);
  });
});
