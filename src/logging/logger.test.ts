import { describe, expect, it } from 'vitest';
import { captureLogLines } from '../../tests/support/capture-log-lines.js';
import { createLogger, withoutRedaction } from './logger.js';

describe('createLogger', () => {
  it('redacts credentials one level down, and still does once a logger without redaction is made from it', () => {
    const { lines, sink, text } = captureLogLines();
    const logger = createLogger('info', sink);
    const plain = withoutRedaction(logger);
    logger.info({ headers: { authorization: 'Bearer sk-secret-1' }, account: { refresh_token: 'rt-secret-2' } }, 'call');
    plain.info({ requestId: 'r1', status: 200 }, 'request');
    logger.warn({ upstream: { 'x-api-key': 'sk-secret-3' } }, 'call');
    expect(lines).toHaveLength(3);
    expect(text()).not.toMatch(/secret/);
    expect(lines[0]).toMatchObject({ headers: { authorization: '[redacted]' }, account: { refresh_token: '[redacted]' } });
    expect(lines[1]).toMatchObject({ service: 'sluice', level: 30, requestId: 'r1', msg: 'request' });
  });

  it('gives the logger without redaction the same level', () => {
    const { lines, sink } = captureLogLines();
    const plain = withoutRedaction(createLogger('warn', sink));
    plain.info('not written');
    plain.warn('written');
    expect(lines).toHaveLength(1);
    expect(plain.isLevelEnabled('info')).toBe(false);
  });
});
