import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../tests/support/collect-garbage.js';
import { callOnce } from './call-once.js';

describe('callOnce', () => {
  it('hands the value to the call once, and refuses a second call', () => {
    const call = callOnce({ model: 'm' }, (request) => `sent ${request.model}`);
    expect(call()).toBe('sent m');
    expect(() => call()).toThrow('The upstream call was opened twice.');
  });

  it('lets the value go once the call is made, while the opener itself is still held', async () => {
    let opener: (() => number) | undefined;
    const tracked = (() => {
      const request = { messages: Array.from({ length: 1000 }, (_, index) => `message ${index}`) };
      opener = callOnce(request, (pending) => pending.messages.length);
      return new WeakRef(request);
    })();
    expect(opener!()).toBe(1000);
    await collectGarbage();
    expect(tracked.deref()).toBeUndefined();
    expect(opener).toBeDefined();
  });
});
