import { describe, expect, it } from 'vitest';
import { formToSettingsPatch, settingsToForm } from './settings-form';

describe('settings form', () => {
  it('round-trips settings through form rows, every scalar setting included', () => {
    const settings = {
      model_mappings: { 'gpt-4': 'claude-sonnet-4.5' },
      routing_strategy: 'weighted',
      prices: { 'my-model': { input: 1, output: 2, cache_read: 0.1 } },
      log_retention_days: 14,
      timezone: 'Asia/Shanghai',
      queue_timeout_ms: 500,
      a_setting_added_later: 7,
      webhooks: [{ url: 'https://hooks.example.com/a', events: ['balance_low' as const], secret: 's' }],
    };
    expect(formToSettingsPatch(settingsToForm(settings))).toEqual(settings);
  });

  it('drops blank rows and cleared scalars', () => {
    const patch = formToSettingsPatch({
      model_mappings: [{ from: ' ', to: 'x' }, { from: 'a', to: 'b' }],
      routing_strategy: 'round_robin',
      prices: [{ model: '', input: 1, output: 1 }],
      log_retention_days: null,
      webhooks: [{ url: '', events: [] }],
    });
    expect(patch).toEqual({ model_mappings: { a: 'b' }, routing_strategy: 'round_robin', prices: {}, webhooks: [] });
  });
});
