import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../settings/settings-schema.js';
import { signWebhookBody } from './sign-webhook-body.js';
import { createWebhookNotifier } from './webhook-notifier.js';

interface Received {
  path: string;
  body: string;
  signature: string | undefined;
}

describe('createWebhookNotifier', () => {
  let server: Server;
  let baseUrl: string;
  const received: Received[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/flaky' && failuresLeft > 0) {
          failuresLeft -= 1;
          response.writeHead(503).end();
          return;
        }
        if (request.url === '/gone') {
          received.push({ path: request.url, body, signature: undefined });
          response.writeHead(410).end();
          return;
        }
        received.push({ path: request.url ?? '', body, signature: request.headers['x-sluice-signature'] as string | undefined });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts signed events to subscribed webhooks only, retrying transient failures', async () => {
    failuresLeft = 2;
    const settings = settingsSchema.parse({
      webhooks: [
        { url: `${baseUrl}/flaky`, events: ['account_disabled'], secret: 'shh' },
        { url: `${baseUrl}/budgets`, events: ['key_budget_reached'] },
        { url: `${baseUrl}/gone` },
      ],
    });
    const notifier = createWebhookNotifier({ settings: () => settings, logger: pino({ level: 'silent' }), retryDelaysMs: [5, 10, 20], now: () => Date.UTC(2026, 0, 1) });
    notifier.notify('account_disabled', { account_id: 'account-1', reason: 'invalid_grant' });
    await notifier.drain();

    const flaky = received.find((item) => item.path === '/flaky');
    expect(flaky).toBeDefined();
    expect(JSON.parse(flaky!.body)).toEqual({ event: 'account_disabled', time: '2026-01-01T00:00:00.000Z', data: { account_id: 'account-1', reason: 'invalid_grant' } });
    expect(flaky!.signature).toBe(signWebhookBody('shh', flaky!.body));
    expect(received.some((item) => item.path === '/budgets')).toBe(false);
    expect(received.filter((item) => item.path === '/gone')).toHaveLength(1);
    expect(notifier.stats()).toEqual({ queued: 0, delivered: 1, failed: 1, dropped: 0 });
  });

  it('gives up after the last retry and never blocks the caller', async () => {
    failuresLeft = 10;
    const settings = settingsSchema.parse({ webhooks: [{ url: `${baseUrl}/flaky`, events: ['balance_low'] }] });
    const notifier = createWebhookNotifier({ settings: () => settings, logger: pino({ level: 'silent' }), retryDelaysMs: [1, 1], maxQueued: 1 });
    notifier.notify('balance_low', { account_id: 'a' });
    notifier.notify('balance_low', { account_id: 'b' });
    // notify() returned before any delivery attempt finished: the caller never waits (no wall-clock bound,
    // which a loaded machine breaks).
    expect(failuresLeft).toBe(10);
    expect(notifier.stats()).toMatchObject({ delivered: 0, failed: 0 });
    await notifier.drain();
    expect(notifier.stats()).toMatchObject({ failed: 1, dropped: 1 });
    expect(failuresLeft).toBe(7);
  });
});
