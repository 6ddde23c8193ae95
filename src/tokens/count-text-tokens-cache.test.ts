import { beforeEach, describe, expect, it, vi } from 'vitest';

const tokenizer = vi.hoisted(() => ({ calls: 0 }));
vi.mock('./count-o200k-tokens.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./count-o200k-tokens.js')>();
  return {
    countO200kTokens: (text: string) => {
      tokenizer.calls += 1;
      return original.countO200kTokens(text);
    },
  };
});

const { countTextTokens } = await import('./count-text-tokens.js');

describe('countTextTokens cache', () => {
  beforeEach(() => {
    tokenizer.calls = 0;
  });

  it('counts a text an agent sends again (a tool call id, a tool schema) once', () => {
    const id = 'toolu_01AbCdEfGhIjKlMnOpQrStUv';
    const schema = JSON.stringify({ name: 'Bash', description: 'Run a shell command', input_schema: { type: 'object' } });
    const first = [countTextTokens(id), countTextTokens(schema)];
    expect([countTextTokens(id), countTextTokens(schema)]).toEqual(first);
    expect(tokenizer.calls).toBe(2);
  });

  it('counts a few characters every time rather than remember them', () => {
    countTextTokens('Bash');
    countTextTokens('Bash');
    expect(tokenizer.calls).toBe(2);
  });
});
