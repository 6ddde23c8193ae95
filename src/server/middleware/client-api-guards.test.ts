import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogLines } from '../../../tests/support/capture-log-lines.js';
import { createTestApiKey } from '../../../tests/support/create-test-api-key.js';
import { createTestApp, type TestApp } from '../../../tests/support/create-test-app.js';

/**
 * Auth, per-key limits, body limit and access log as a /v1 route sees them, through the real app.
 * Echo routes under /v1 stand in for the chat endpoints (the path decides the error format).
 */
describe('client API guards', () => {
  let harness: TestApp;
  const { lines: logLines, sink } = captureLogLines();
  beforeAll(async () => {
    harness = await createTestApp({ logger: pino({ level: 'info' }, sink), config: { bodyLimitBytes: 1000 } });
    harness.app.post('/v1/guard-echo', async (c) => c.json({ ok: true, key: c.get('apiKey')?.name, size: (await c.req.text()).length }));
    harness.app.post('/v1/messages/guard-echo', (c) => c.json({ ok: true }));
  });
  afterAll(async () => {
    await harness.close();
  });

  const call = (path: string, headers: Record<string, string>, body = '{}') =>
    harness.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('accepts Authorization: Bearer and x-api-key', async () => {
    const { key } = await createTestApiKey(harness.context, { name: 'client' });
    expect(await (await call('/v1/guard-echo', { authorization: `Bearer ${key}` })).json()).toMatchObject({ ok: true, key: 'client' });
    expect((await call('/v1/guard-echo', { 'x-api-key': key })).status).toBe(200);
  });

  it('answers 401 in the caller’s format for missing, unknown, disabled and expired keys', async () => {
    const missing = await call('/v1/guard-echo', {});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { type: 'authentication_error', code: 'invalid_api_key' } });
    const anthropic = await call('/v1/messages/guard-echo', { 'x-api-key': 'amq-unknown' });
    expect(anthropic.status).toBe(401);
    expect(await anthropic.json()).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'Invalid API key.' } });
    const disabled = await createTestApiKey(harness.context, { enabled: false });
    expect((await call('/v1/guard-echo', { authorization: `Bearer ${disabled.key}` })).status).toBe(401);
    const expired = await createTestApiKey(harness.context, { expiresAt: Date.now() - 1000 });
    const expiredResponse = await call('/v1/guard-echo', { authorization: `Bearer ${expired.key}` });
    expect(expiredResponse.status).toBe(401);
    expect(((await expiredResponse.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it('applies the key’s RPM with 429 and retry-after, in the caller’s format, but not to count_tokens', async () => {
    const { key } = await createTestApiKey(harness.context, { requestsPerMinute: 2 });
    const headers = { 'x-api-key': key };
    expect((await call('/v1/messages/guard-echo', headers)).status).toBe(200);
    expect((await call('/v1/messages/guard-echo', headers)).status).toBe(200);
    const limited = await call('/v1/messages/guard-echo', headers);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    const openai = await call('/v1/guard-echo', headers);
    expect(openai.status).toBe(429);
    expect(await openai.json()).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded' } });
    const countBody = JSON.stringify({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hello' }] });
    expect((await call('/v1/messages/count_tokens', headers, countBody)).status).toBe(200);
    const metrics = await (await harness.app.request('/metrics')).text();
    expect(metrics).toMatch(/sluice_limiter_rejections_total\{scope="key_rpm"\} [1-9]/);
  });

  it('applies the key’s RPD', async () => {
    const { key } = await createTestApiKey(harness.context, { requestsPerDay: 1 });
    expect((await call('/v1/guard-echo', { 'x-api-key': key })).status).toBe(200);
    const limited = await call('/v1/guard-echo', { 'x-api-key': key });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/requests per day/);
  });

  it('answers 413 for oversized bodies in the caller’s format', async () => {
    const { key } = await createTestApiKey(harness.context);
    const big = JSON.stringify({ text: 'x'.repeat(2000) });
    const openai = await call('/v1/guard-echo', { 'x-api-key': key }, big);
    expect(openai.status).toBe(413);
    expect(await openai.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const anthropic = await call('/v1/messages/guard-echo', { 'x-api-key': key }, big);
    expect(await anthropic.json()).toMatchObject({ type: 'error', error: { type: 'request_too_large' } });
    const admin = await harness.request('POST', '/admin/api-keys', { name: 'x'.repeat(2000) });
    expect(admin.status).toBe(413);
    expect(await admin.json()).toMatchObject({ error: { type: 'payload_too_large' } });
    // A streamed body without content-length is cut off too.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await harness.app.request('/v1/guard-echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('writes one access-log line per request with the request id, never the key', async () => {
    const { key, id } = await createTestApiKey(harness.context);
    const response = await call('/v1/guard-echo', { 'x-api-key': key, 'x-request-id': 'req-123' });
    expect(response.headers.get('x-request-id')).toBe('req-123');
    const lines = logLines.filter((line) => line.requestId === 'req-123');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request', method: 'POST', path: '/v1/guard-echo', status: 200, apiKeyId: id });
    expect(typeof lines[0]!.durationMs).toBe('number');
    expect(JSON.stringify(logLines)).not.toContain(key);
  });
});
