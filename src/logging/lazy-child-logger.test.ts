import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { captureLogLines } from '../../tests/support/capture-log-lines.js';
import { lazyChildLogger } from './lazy-child-logger.js';

function capture(level: string) {
  const { lines, sink } = captureLogLines();
  return { parent: pino({ level }, sink), lines };
}

describe('lazyChildLogger', () => {
  it('makes no child while nothing is logged at an enabled level', () => {
    const { parent } = capture('warn');
    const child = vi.spyOn(parent, 'child');
    const logger = lazyChildLogger(parent, { requestId: 'r1' });
    logger.info({ a: 1 }, 'quiet');
    logger.debug('quieter');
    expect(logger.isLevelEnabled('info')).toBe(false);
    expect(logger.isLevelEnabled('warn')).toBe(true);
    expect(logger.level).toBe('warn');
    expect(child).not.toHaveBeenCalled();
  });

  it('logs with the bindings once something is logged, through one child', () => {
    const { parent, lines } = capture('info');
    const child = vi.spyOn(parent, 'child');
    const logger = lazyChildLogger(parent, { requestId: 'r2' });
    logger.info({ a: 1 }, 'first');
    logger.warn('second');
    logger.child({ accountId: 'x' }).error('third');
    // One child for the request (the second call is the nested child made from it).
    expect(child.mock.calls.map(([bindings]) => bindings)).toEqual([{ requestId: 'r2' }, { accountId: 'x' }]);
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ['first', 'r2'],
      ['second', 'r2'],
      ['third', 'r2'],
    ]);
    expect(lines[2]!.accountId).toBe('x');
  });

  it('changes its own level, never the parent’s', () => {
    const { parent, lines } = capture('warn');
    const logger = lazyChildLogger(parent, { requestId: 'r3' });
    logger.level = 'debug';
    logger.debug('now on');
    parent.debug('still off');
    expect(lines.map((line) => line.msg)).toEqual(['now on']);
    expect(parent.level).toBe('warn');
  });
});
