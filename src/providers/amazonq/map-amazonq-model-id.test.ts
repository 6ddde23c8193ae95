import { describe, expect, it } from 'vitest';
import { amazonQContextWindow, mapAmazonQModelId } from './map-amazonq-model-id.js';

describe('mapAmazonQModelId', () => {
  it.each([
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4.5'],
    ['claude-sonnet-4-5', 'claude-sonnet-4.5'],
    ['claude-sonnet-4.5', 'claude-sonnet-4.5'],
    ['claude-opus-4-1-20250805', 'claude-opus-4.1'],
    ['claude-opus-4-1', 'claude-opus-4.1'],
    ['claude-haiku-4-5-20251001', 'claude-haiku-4.5'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['claude-opus-4-6', 'claude-opus-4.6'],
    ['claude-3-7-sonnet-20250219', 'claude-3.7-sonnet'],
    ['claude-3-7-sonnet-latest', 'claude-3.7-sonnet'],
    ['auto', 'auto'],
    ['CLAUDE_SONNET_4_5_20250929_V1_0', 'CLAUDE_SONNET_4_5_20250929_V1_0'],
    ['gpt-4o', 'gpt-4o'],
  ])('%s → %s', (input, expected) => {
    expect(mapAmazonQModelId(input)).toBe(expected);
  });

  it('knows the 1M context window of the 4.6+ models', () => {
    expect(amazonQContextWindow('claude-sonnet-4.5')).toBe(200_000);
    expect(amazonQContextWindow('claude-sonnet-4.6')).toBe(1_000_000);
    expect(amazonQContextWindow('claude-opus-4.7')).toBe(1_000_000);
    expect(amazonQContextWindow('claude-haiku-4.5')).toBe(200_000);
    expect(amazonQContextWindow('auto')).toBe(1_000_000);
  });
});
