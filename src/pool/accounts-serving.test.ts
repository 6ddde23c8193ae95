import { describe, expect, it } from 'vitest';
import { accountsServing } from './accounts-serving.js';
import { makeAccount } from './testing/make-account.js';

describe('accountsServing', () => {
  const accounts = Object.freeze([
    makeAccount('any'),
    makeAccount('claude', { models: ['claude-*'] }),
    makeAccount('gpt', { models: ['gpt-*', '*-mini'] }),
    makeAccount('off', { enabled: false }),
    makeAccount('cooling', { status: 'cooling', cooldownUntil: Number.MAX_SAFE_INTEGER }),
  ]);
  const ids = (list: readonly { id: string }[]) => list.map((account) => account.id);

  it('keeps the enabled accounts whose patterns match, in list order, whatever their state', () => {
    expect(ids(accountsServing(accounts, 'claude-sonnet-4.5'))).toEqual(['any', 'claude', 'cooling']);
    expect(ids(accountsServing(accounts, 'GPT-5'))).toEqual(['any', 'gpt', 'cooling']);
    expect(ids(accountsServing(accounts, 'o4-mini'))).toEqual(['any', 'gpt', 'cooling']);
  });

  it('answers again from memory for the same list, and afresh for another list', () => {
    const once = accountsServing(accounts, 'claude-opus-4');
    expect(accountsServing(accounts, 'claude-opus-4')).toBe(once);
    const changed = [makeAccount('claude', { models: ['claude-*'], enabled: false }), ...accounts.slice(2)];
    expect(ids(accountsServing(changed, 'claude-opus-4'))).toEqual(['cooling']);
  });

  it('stays right past the number of models it remembers per list', () => {
    for (let index = 0; index < 600; index += 1) {
      expect(ids(accountsServing(accounts, `claude-${index}`))).toEqual(['any', 'claude', 'cooling']);
      expect(ids(accountsServing(accounts, `other-${index}`))).toEqual(['any', 'cooling']);
    }
  });
});
