import { describe, expect, it } from 'vitest';
import { matchesModelPattern, modelAllowed } from './model-pattern.js';

describe('matchesModelPattern', () => {
  it.each([
    ['claude-sonnet-4.5', 'claude-sonnet-4.5', true],
    ['Claude-Sonnet-4.5', 'claude-sonnet-4.5', true],
    ['claude-sonnet-4.5', 'claude-*', true],
    ['gpt-4o', 'claude-*', false],
    ['gpt-4.1-mini', 'gpt-4.1*', true],
    ['gpt-4x1', 'gpt-4.1*', false],
    ['a.b', '*.b', true],
  ])('%s ~ %s → %s', (model, pattern, expected) => {
    expect(matchesModelPattern(model, pattern)).toBe(expected);
  });

  it('treats null and empty lists as every model', () => {
    expect(modelAllowed('x', null)).toBe(true);
    expect(modelAllowed('x', [])).toBe(true);
    expect(modelAllowed('x', ['y'])).toBe(false);
  });
});
