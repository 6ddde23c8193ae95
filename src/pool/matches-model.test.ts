import { describe, expect, it } from 'vitest';
import { matchesModel } from './matches-model.js';

describe('matchesModel', () => {
  it.each([
    { models: null, model: 'anything', expected: true },
    { models: [], model: 'anything', expected: true },
    { models: ['claude-sonnet-4.5'], model: 'claude-sonnet-4.5', expected: true },
    { models: ['claude-sonnet-4.5'], model: 'claude-sonnet-4', expected: false },
    { models: ['claude-*'], model: 'claude-opus-4.1', expected: true },
    { models: ['claude-*'], model: 'gpt-4o', expected: false },
    { models: ['*-mini'], model: 'gpt-4o-mini', expected: true },
    { models: ['gpt-*-mini'], model: 'gpt-4o-mini', expected: true },
    { models: ['gpt-*-mini'], model: 'gpt-4o', expected: false },
    { models: ['*'], model: 'x', expected: true },
    { models: ['Claude-*'], model: 'claude-haiku', expected: true },
    { models: ['a*b*c'], model: 'aXbYbZc', expected: true },
    { models: ['a*b*c'], model: 'aXbYbZ', expected: false },
    { models: ['gpt-4o', 'claude-*'], model: 'claude-3', expected: true },
  ])('$models serves $model: $expected', ({ models, model, expected }) => {
    expect(matchesModel(models, model)).toBe(expected);
  });

  it('answers the same when asked again about the same list, also past the number of models it remembers', () => {
    const models = ['claude-*', 'gpt-4o'];
    expect(matchesModel(models, 'claude-3')).toBe(true);
    expect(matchesModel(models, 'gemini-pro')).toBe(false);
    for (let index = 0; index < 2500; index += 1) expect(matchesModel(models, `model-${index}`)).toBe(false);
    expect(matchesModel(models, 'claude-3')).toBe(true);
    expect(matchesModel(models, 'gemini-pro')).toBe(false);
    expect(matchesModel(models, 'GPT-4O')).toBe(true);
    // Another list, even with the same contents, has answers of its own.
    expect(matchesModel(['gemini-*'], 'gemini-pro')).toBe(true);
  });
});
