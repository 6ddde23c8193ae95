import { describe, expect, it } from 'vitest';
import { logWarnings, WarningDigest } from './warning-digest.js';

const maxTokens = { feature: 'max_tokens', detail: 'Amazon Q has no max_tokens setting; it was ignored.' };
const temperature = { feature: 'temperature', detail: 'Amazon Q has no temperature setting; it was ignored.' };

describe('WarningDigest', () => {
  it('lets a warning through once per interval and reports the times in between with the next one', () => {
    let now = 0;
    const digest = new WarningDigest(1000, () => now);
    expect(digest.due('kiro', [maxTokens, temperature])).toEqual([maxTokens, temperature]);
    now = 500;
    expect(digest.due('kiro', [maxTokens])).toEqual([]);
    expect(digest.due('kiro', [maxTokens, temperature])).toEqual([]);
    now = 999;
    expect(digest.due('kiro', [maxTokens])).toEqual([]);
    now = 1000;
    expect(digest.due('kiro', [maxTokens, temperature])).toEqual([
      { ...maxTokens, repeatedSinceLastLogged: 3 },
      { ...temperature, repeatedSinceLastLogged: 1 },
    ]);
    // Nothing in between: no count.
    now = 2500;
    expect(digest.due('kiro', [temperature])).toEqual([temperature]);
  });

  it('keeps providers apart', () => {
    const digest = new WarningDigest(1000, () => 0);
    expect(digest.due('kiro', [maxTokens])).toHaveLength(1);
    expect(digest.due('amazonq', [maxTokens])).toHaveLength(1);
    expect(digest.due('kiro', [maxTokens])).toHaveLength(0);
  });

  it('starts over rather than grow past its limit of kinds', () => {
    const digest = new WarningDigest(1000, () => 0, 3);
    for (const feature of ['a', 'b', 'c']) expect(digest.due('openai', [{ feature, detail: '' }])).toHaveLength(1);
    expect(digest.due('openai', [{ feature: 'a', detail: '' }])).toHaveLength(0);
    expect(digest.due('openai', [{ feature: 'd', detail: '' }])).toHaveLength(1);
    // 'a' was forgotten with the rest when 'd' came.
    expect(digest.due('openai', [{ feature: 'a', detail: '' }])).toHaveLength(1);
  });
});

describe('logWarnings', () => {
  const capture = () => {
    const lines: Array<{ fields: unknown; message: string }> = [];
    const logger = { warn: (fields: unknown, message: string) => lines.push({ fields, message }) } as never;
    return { lines, logger };
  };

  it('logs a request’s warnings in one line, each kind once per interval through the digest', () => {
    const { lines, logger } = capture();
    const deps = { logger, warningDigest: new WarningDigest() };
    for (let request = 0; request < 100; request += 1) logWarnings(deps, 'kiro', [maxTokens, temperature], 'features dropped in conversion');
    logWarnings(deps, 'kiro', [], 'features dropped in conversion');
    expect(lines).toEqual([{ fields: { warnings: [maxTokens, temperature], provider: 'kiro' }, message: 'features dropped in conversion' }]);
  });

  it('keeps the client format’s drops apart from the provider’s', () => {
    const { lines, logger } = capture();
    const deps = { logger, warningDigest: new WarningDigest() };
    logWarnings(deps, 'kiro', [maxTokens], 'request features dropped for this account');
    logWarnings(deps, 'kiro', [maxTokens], 'features dropped in conversion');
    logWarnings(deps, 'kiro', [maxTokens], 'features dropped in conversion');
    expect(lines.map((line) => line.message)).toEqual(['request features dropped for this account', 'features dropped in conversion']);
  });

  it('logs every request’s warnings without a digest', () => {
    const { lines, logger } = capture();
    for (let request = 0; request < 3; request += 1) logWarnings({ logger }, 'kiro', [maxTokens], 'features dropped in conversion');
    expect(lines).toHaveLength(3);
  });
});
