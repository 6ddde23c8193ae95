import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/create-test-app.js';
import { testDatabases } from '../../../tests/support/test-environment.js';

describe.each(testDatabases())('account detail and bulk routes on %s', (database) => {
  let harness: TestApp;
  const createAccount = async (name: string) => {
    const response = await harness.request('POST', '/admin/accounts', { name, provider: 'openai', api_key: `sk-${name}` });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    harness = await createTestApp({ database });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('keeps status changes, throttled errors and balance readings as the account history', async () => {
    const id = await createAccount('history');
    const accounts = harness.context.accounts;
    await accounts.updateState(id, { status: 'cooling', statusReason: 'rate limited', cooldownUntil: Date.now() + 60_000, lastError: '429 Too Many Requests' });
    await accounts.updateState(id, { lastError: '429 again, within the throttle window' });
    await accounts.updateState(id, { status: 'active', statusReason: null, cooldownUntil: null });
    await accounts.saveBalance(id, { remaining: 12.5, unit: 'USD', source: 'upstream', checkedAt: Date.now() });
    await accounts.saveBalance(id, { remaining: 11, unit: 'USD', source: 'upstream', checkedAt: Date.now() });

    const response = await harness.request('GET', `/admin/accounts/${id}/history`);
    expect(response.status).toBe(200);
    const history = (await response.json()) as Record<string, Array<Record<string, unknown>>>;
    expect(history.status_changes!.map((event) => event.status)).toEqual(['active', 'cooling']);
    expect(history.status_changes![1]).toMatchObject({ message: 'rate limited' });
    expect(history.errors!.map((event) => event.message)).toEqual(['429 Too Many Requests']);
    expect(history.balance!.map((event) => event.balance_remaining)).toEqual([12.5, 11]);
    expect(history.usage).toEqual([]);
    expect((await harness.request('GET', '/admin/accounts/missing/history')).status).toBe(404);
  });

  it('enables, disables and deletes several accounts at once, one result per id', async () => {
    const first = await createAccount('bulk-a');
    const second = await createAccount('bulk-b');
    const disabled = await harness.request('POST', '/admin/accounts/bulk', { ids: [first, second, 'missing'], action: 'disable' });
    expect(disabled.status).toBe(200);
    const outcome = (await disabled.json()) as { results: Array<{ id: string; ok: boolean }> };
    expect(outcome.results.map((result) => result.ok)).toEqual([true, true, false]);
    const listed = (await (await harness.request('GET', '/admin/accounts')).json()) as { data: Array<{ id: string; enabled: boolean }> };
    expect(listed.data.filter((account) => [first, second].includes(account.id)).every((account) => !account.enabled)).toBe(true);

    await harness.request('POST', '/admin/accounts/bulk', { ids: [first], action: 'delete' });
    expect((await harness.request('GET', `/admin/accounts/${first}`)).status).toBe(404);
    expect((await harness.request('POST', '/admin/accounts/bulk', { ids: [], action: 'delete' })).status).toBe(400);
    expect((await harness.request('POST', '/admin/accounts/bulk', { ids: [second], action: 'explode' })).status).toBe(400);
  });
});
