import { describe, expect, it } from 'vitest';
import { detectBalanceProvider } from './detect-balance-provider.js';
import {
  parseDeepSeekBalance,
  parseMoonshotBalance,
  parseOpenRouterCredits,
  parseOpenRouterKey,
  parseSiliconFlowBalance,
} from './parse-compatible-balance.js';

const now = 1_700_000_000_000;

describe('balance parsers (documented example responses)', () => {
  it.each([
    {
      name: 'OpenRouter credits',
      parse: () => parseOpenRouterCredits({ data: { total_credits: 100.5, total_usage: 25.75 } }, now),
      expected: { remaining: 74.75, limit: 100.5, used: 25.75, unit: 'USD' },
    },
    {
      name: 'OpenRouter key with a limit',
      parse: () => parseOpenRouterKey({ data: { label: 'k', limit: 50, limit_remaining: 12.5, usage: 37.5, is_free_tier: false } }, now),
      expected: { remaining: 12.5, limit: 50, used: 37.5, unit: 'USD' },
    },
    {
      name: 'OpenRouter key without a limit',
      parse: () => parseOpenRouterKey({ data: { label: 'k', limit: null, limit_remaining: null, usage: 3 } }, now),
      expected: { remaining: null, limit: null, used: 3, unit: 'USD' },
    },
    {
      name: 'DeepSeek',
      parse: () =>
        parseDeepSeekBalance(
          { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00' }] },
          now,
        ),
      expected: { remaining: 110, unit: 'CNY' },
    },
    {
      name: 'DeepSeek prefers USD',
      parse: () =>
        parseDeepSeekBalance(
          { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: '1.00' }, { currency: 'USD', total_balance: '2.50' }] },
          now,
        ),
      expected: { remaining: 2.5, unit: 'USD' },
    },
    {
      name: 'Moonshot',
      parse: () =>
        parseMoonshotBalance({ code: 0, data: { available_balance: 49.58894, voucher_balance: 46.58893, cash_balance: 3.00001 }, scode: '0x0', status: true }, 'CNY', now),
      expected: { remaining: 49.58894, unit: 'CNY' },
    },
    {
      name: 'SiliconFlow',
      parse: () =>
        parseSiliconFlowBalance(
          { code: 20000, message: 'OK', status: true, data: { id: 'u', name: 'n', balance: '0.88', status: 'normal', chargeBalance: '88.00', totalBalance: '88.88' } },
          now,
        ),
      expected: { remaining: 88.88, unit: 'CNY' },
    },
  ])('$name', ({ parse, expected }) => {
    expect(parse()).toEqual({ ...expected, source: 'upstream', checkedAt: now });
  });

  it('returns null for unexpected shapes', () => {
    expect(parseOpenRouterCredits({ error: 'nope' })).toBeNull();
    expect(parseDeepSeekBalance({ balance_infos: [] })).toBeNull();
    expect(parseSiliconFlowBalance({ data: { totalBalance: 'abc' } })).toBeNull();
  });

  it.each([
    ['https://openrouter.ai/api/v1', 'openrouter'],
    ['https://api.deepseek.com', 'deepseek'],
    ['https://api.deepseek.com/v1', 'deepseek'],
    ['https://api.moonshot.cn/v1', 'moonshot-cn'],
    ['https://api.moonshot.ai/v1', 'moonshot-ai'],
    ['https://api.siliconflow.cn/v1', 'siliconflow'],
    ['https://api.together.xyz/v1', undefined],
    ['not a url', undefined],
  ])('detects %s as %s', (url, expected) => {
    expect(detectBalanceProvider(url)).toBe(expected);
  });
});
