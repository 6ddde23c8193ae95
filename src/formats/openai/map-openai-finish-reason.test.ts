import { describe, expect, it } from 'vitest';
import type { FinishReason } from '../../core/finish-reason.js';
import { mapOpenAIFinishReason, toOpenAIFinishReason } from './map-openai-finish-reason.js';

describe('mapOpenAIFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool_calls', 'tool-calls'],
    ['function_call', 'tool-calls'],
    ['content_filter', 'content-filter'],
    ['something_new', 'other'],
    [null, 'other'],
  ] as const)('%s → %s', (wire, canonical) => {
    expect(mapOpenAIFinishReason(wire)).toBe(canonical);
  });
});

describe('toOpenAIFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['stop-sequence', 'stop'],
    ['length', 'length'],
    ['context-exceeded', 'length'],
    ['tool-calls', 'tool_calls'],
    ['content-filter', 'content_filter'],
    ['pause', 'stop'],
    ['error', 'stop'],
    ['other', 'stop'],
  ] satisfies Array<[FinishReason, string]>)('%s → %s', (canonical, wire) => {
    expect(toOpenAIFinishReason(canonical)).toBe(wire);
  });
});
