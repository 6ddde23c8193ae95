import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAccount, testCallContext } from '../http/test-call-context.js';
import { fetchCompatibleBalance } from './fetch-compatible-balance.js';

/** A tiny stand-in for the balance endpoints of OpenRouter, DeepSeek, Moonshot and SiliconFlow. */
const responses: Record<string, { status: number; body: unknown }> = {
  '/api/v1/credits': { status: 403, body: { error: { message: 'Only management keys can fetch credits', code: 403 } } },
  '/api/v1/key': { status: 200, body: { data: { label: 'k', limit: 20, limit_remaining: 7.5, usage: 12.5 } } },
  '/user/balance': { status: 200, body: { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00' }] } },
  '/v1/users/me/balance': { status: 200, body: { code: 0, data: { available_balance: 49.5, voucher_balance: 46.5, cash_balance: 3 }, scode: '0x0', status: true } },
  '/v1/user/info': { status: 200, body: { code: 20000, message: 'OK', status: true, data: { balance: '0.88', chargeBalance: '88.00', totalBalance: '88.88' } } },
};

describe('fetchCompatibleBalance', () => {
  let server: Server;
  let baseUrl: string;
  const paths: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      paths.push(`${request.method} ${request.url} ${request.headers.authorization}`);
      const answer = responses[request.url ?? ''] ?? { status: 404, body: {} };
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const account = () => testAccount({ provider: 'openai-compatible', baseUrl });

  it.each([
    { provider: 'openrouter' as const, expected: { remaining: 7.5, limit: 20, used: 12.5, unit: 'USD' } },
    { provider: 'deepseek' as const, expected: { remaining: 110, unit: 'CNY' } },
    { provider: 'moonshot-ai' as const, expected: { remaining: 49.5, unit: 'USD' } },
    { provider: 'siliconflow' as const, expected: { remaining: 88.88, unit: 'CNY' } },
  ])('$provider', async ({ provider, expected }) => {
    expect(await fetchCompatibleBalance(account(), testCallContext(), provider)).toMatchObject({ ...expected, source: 'upstream' });
  });

  it('falls back from OpenRouter credits to the key endpoint and sends the key as Bearer', () => {
    expect(paths).toContain('GET /api/v1/credits Bearer sk-test-secret-key');
    expect(paths).toContain('GET /api/v1/key Bearer sk-test-secret-key');
  });

  it('returns null for unknown hosts', async () => {
    expect(await fetchCompatibleBalance(account(), testCallContext())).toBeNull();
  });
});
