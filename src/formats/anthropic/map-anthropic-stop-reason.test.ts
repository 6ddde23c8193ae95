import { describe, expect, it } from 'vitest';
import type { FinishReason } from '../../core/finish-reason.js';
import { mapAnthropicStopReason, toAnthropicStopReason } from './map-anthropic-stop-reason.js';

const pairs: Array<[string, FinishReason]> = [
  ['end_turn', 'stop'],
  ['stop_sequence', 'stop-sequence'],
  ['max_tokens', 'length'],
  ['tool_use', 'tool-calls'],
  ['refusal', 'content-filter'],
  ['pause_turn', 'pause'],
  ['model_context_window_exceeded', 'context-exceeded'],
];

describe('mapAnthropicStopReason', () => {
  it.each(pairs)('%s → %s', (wire, canonical) => {
    expect(mapAnthropicStopReason(wire)).toBe(canonical);
  });
  it('maps unknown and missing reasons to other', () => {
    expect(mapAnthropicStopReason('brand_new')).toBe('other');
    expect(mapAnthropicStopReason(null)).toBe('other');
  });
});

describe('toAnthropicStopReason', () => {
  it.each(pairs)('round-trips %s', (wire, canonical) => {
    expect(toAnthropicStopReason(canonical)).toBe(wire);
  });
  it.each(['error', 'other'] as const)('%s → end_turn', (canonical) => {
    expect(toAnthropicStopReason(canonical)).toBe('end_turn');
  });
});
