import { describe, expect, it } from 'vitest';
import { providerNames } from './provider-name.js';
import type { ProviderAdapter } from './provider-adapter.js';
import { createProviderRegistry } from './registry.js';

describe('createProviderRegistry', () => {
  it('has an adapter for every provider name, each reporting its own name', () => {
    const registry = createProviderRegistry();
    expect(Object.keys(registry).sort()).toEqual([...providerNames].sort());
    for (const name of ['anthropic', 'openai', 'openai-compatible', 'amp'] as const) expect(registry[name].provider).toBe(name);
    expect(registry.amp.passthroughFormats).toEqual(['anthropic-messages', 'anthropic-count-tokens', 'openai-chat']);
    expect(registry.anthropic.passthroughFormats).toEqual(['anthropic-messages', 'anthropic-count-tokens']);
    expect(registry['openai-compatible'].fetchBalance).toBeTypeOf('function');
  });

  it('takes adapters built elsewhere', () => {
    const amazonq: ProviderAdapter = { provider: 'amazonq', stream: async function* () {} };
    const registry = createProviderRegistry({ amazonq, kiro: { ...amazonq, provider: 'kiro' } });
    expect(registry.amazonq).toBe(amazonq);
    expect(registry.kiro.provider).toBe('kiro');
  });

  it('fails clearly for a provider without an adapter', async () => {
    const registry = createProviderRegistry();
    const iterator = registry.amazonq.stream({} as never, 'm', {} as never, {} as never)[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toThrow(/No adapter is registered for provider amazonq/);
  });
});
