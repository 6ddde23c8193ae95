import { describe, expect, it } from 'vitest';
import { makeAccount } from '../../../pool/testing/make-account.js';
import { listModels } from './list-models.js';

describe('listModels', () => {
  const kiro = makeAccount('kiro-1', { provider: 'kiro' });
  const ids = (models: Array<{ id: string }>) => models.map((model) => model.id);

  it('lists what the upstream reported for an account, with the dashed Anthropic form of each Claude id', () => {
    const models = listModels([kiro], {}, () => ['auto', 'claude-sonnet-4.5', 'claude-haiku-4.5']);
    expect(ids(models)).toEqual(['auto', 'claude-haiku-4-5', 'claude-haiku-4.5', 'claude-sonnet-4-5', 'claude-sonnet-4.5']);
    expect(models.every((model) => model.ownedBy === 'kiro')).toBe(true);
  });

  it('falls back to the 2026 catalogue before the upstream has reported, and configured names win', () => {
    expect(ids(listModels([kiro], {}))).toContain('claude-opus-4-6');
    expect(ids(listModels([{ ...kiro, models: ['claude-opus-4.6'] }], {}, () => ['auto']))).toEqual(['claude-opus-4-6', 'claude-opus-4.6']);
  });
});
