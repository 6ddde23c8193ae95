import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../app-env.js';
import { captureLogLines } from '../../../../tests/support/capture-log-lines.js';
import { requestContext } from '../request-context/request-context.js';
import { createLogger, withoutRedaction } from '../../../logging/logger.js';
import { accessLog } from './access-log.js';

describe('accessLog', () => {
  it('logs method, path, status, duration and request id once per request, at a level by status', async () => {
    const { lines, sink } = captureLogLines();
    let clock = 0;
    const app = new Hono<AppEnv>();
    const logger = pino({ level: 'info' }, sink);
    app.use('*', requestContext(logger));
    app.use('*', accessLog({ logger, now: () => (clock += 12.5) }));
    app.get('/ok', (c) => c.text('ok'));
    app.get('/missing', (c) => c.text('no', 404));
    app.get('/broken', () => {
      throw new Error('boom');
    });
    app.onError((_error, c) => c.text('error', 500));

    await app.request('/ok?secret=1', { headers: { 'x-request-id': 'r1' } });
    await app.request('/missing');
    await app.request('/broken');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request', requestId: 'r1', method: 'GET', path: '/ok', status: 200, durationMs: 12.5 });
    expect(lines[1]).toMatchObject({ level: 40, status: 404 });
    expect(lines[2]).toMatchObject({ level: 50, status: 500, path: '/broken' });
    expect(lines[1]?.requestId).toEqual(expect.any(String));
  });

  it('writes through a logger without redaction, and leaves the query out of the path', async () => {
    const { lines, sink, text } = captureLogLines();
    const logger = createLogger('info', sink);
    const app = new Hono<AppEnv>();
    app.use('*', requestContext(logger));
    app.use('*', accessLog({ logger: withoutRedaction(logger) }));
    app.get('/v1beta/models', (c) => c.text('ok'));
    await app.request('/v1beta/models?key=secret-key-value', { headers: { 'x-request-id': 'r2' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: 'r2', path: '/v1beta/models', status: 200 });
    expect(text()).not.toContain('secret-key-value');
  });
});
