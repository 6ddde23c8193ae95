import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsServing } from '../pool/accounts-serving.js';
import { createTestContext, type TestContext } from '../../tests/support/create-test-context.js';
import { testDatabases } from '../../tests/support/test-environment.js';

describe.each(testDatabases())('cached account store on %s', (database) => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext({ database });
  });
  afterAll(async () => {
    await context.shutdown();
  });

  const createAccount = async () =>
    context.accountAdmin.create({ name: 'kiro one', provider: 'kiro', refresh_token: 'aorRefresh-0123456789', region: 'us-west-2' });

  it('lists and gets accounts with decrypted credentials and resolved endpoints', async () => {
    const row = await createAccount();
    const record = context.accounts.get(row.id);
    expect(record).toMatchObject({
      provider: 'kiro',
      status: 'active',
      upstream: { baseUrl: 'https://q.us-west-2.amazonaws.com', authUrl: 'https://prod.us-west-2.auth.desktop.kiro.dev' },
    });
    expect(context.accounts.list().map((account) => account.id)).toContain(row.id);
  });

  it('records state changes with reason and time, in memory and in the database', async () => {
    const row = await createAccount();
    await context.accounts.updateState(row.id, { status: 'cooling', statusReason: 'upstream 429', cooldownUntil: Date.now() + 30_000, lastError: 'Too many requests' });
    const record = context.accounts.get(row.id);
    expect(record).toMatchObject({ status: 'cooling', statusReason: 'upstream 429', lastError: 'Too many requests' });
    expect(record?.statusChangedAt).toBeGreaterThan(0);
    expect(record?.lastErrorAt).toBeGreaterThan(0);
    const stored = await context.database.db.selectFrom('accounts').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'cooling', status_reason: 'upstream 429', last_error: 'Too many requests' });

    await context.accounts.updateState(row.id, { status: 'active', statusReason: null, cooldownUntil: null, lastError: null });
    expect(context.accounts.get(row.id)).toMatchObject({ status: 'active', cooldownUntil: null, lastError: null, lastErrorAt: null });
  });

  it('saves rotated credentials encrypted and keeps the others', async () => {
    const row = await createAccount();
    await context.accounts.saveCredentials(row.id, { refresh_token: 'aorRotated-9876543210', access_token: 'at-1', access_token_expires_at: 123 });
    expect(context.accounts.get(row.id)?.upstream.credentials).toEqual({
      refresh_token: 'aorRotated-9876543210',
      access_token: 'at-1',
      access_token_expires_at: 123,
    });
    const stored = await context.database.db.selectFrom('accounts').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(stored.credentials_encrypted).not.toContain('aorRotated');
    expect(JSON.parse(stored.credential_hints)).toMatchObject({ refresh_token: 'aorR…3210' });
    await context.accounts.reload(null);
    expect(context.accounts.get(row.id)?.upstream.credentials.access_token).toBe('at-1');

    // An operator PATCH that does not touch credentials keeps the cached access token.
    await context.accountAdmin.update(row.id, { priority: 3 });
    expect(context.accounts.get(row.id)?.upstream.credentials.access_token).toBe('at-1');
    // One that replaces the refresh token drops it and re-activates the account.
    await context.accounts.updateState(row.id, { status: 'disabled', statusReason: 'invalid_grant' });
    await context.accountAdmin.update(row.id, { refresh_token: 'aorNew-000000000000' });
    expect(context.accounts.get(row.id)?.upstream.credentials).toEqual({ refresh_token: 'aorNew-000000000000' });
    expect(context.accounts.get(row.id)).toMatchObject({ status: 'active', statusReason: 'credentials updated' });
  });

  it('saves balances', async () => {
    const row = await createAccount();
    const balance = { remaining: 12.5, limit: 50, unit: 'USD', source: 'upstream' as const, checkedAt: 1_700_000_000_000 };
    await context.accounts.saveBalance(row.id, balance);
    expect(context.accounts.get(row.id)?.balance).toEqual(balance);
    await context.accounts.reload(row.id);
    expect(context.accounts.get(row.id)?.balance).toEqual(balance);
    const admin = await context.accountAdmin.get(row.id);
    expect(admin.balance_checked_at).toBe(1_700_000_000_000);
  });

  it('gives the same list until an account changes, and a new one after each kind of change', async () => {
    const row = await createAccount();
    const first = context.accounts.list();
    expect(context.accounts.list()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(accountsServing(first, 'claude-sonnet-4.5').map((account) => account.id)).toContain(row.id);

    const changes: Array<() => Promise<unknown>> = [
      () => context.accounts.updateState(row.id, { status: 'cooling', cooldownUntil: Date.now() + 1000 }),
      () => context.accounts.saveCredentials(row.id, { access_token: 'at-2' }),
      () => context.accounts.saveBalance(row.id, { remaining: 1, limit: 5, unit: 'USD', source: 'upstream', checkedAt: 1 }),
      () => context.accounts.reload(row.id),
      () => context.accounts.reload(null),
    ];
    let previous = first;
    for (const change of changes) {
      await change();
      const next = context.accounts.list();
      expect(next).not.toBe(previous);
      expect(next.find((account) => account.id === row.id)).toBe(context.accounts.get(row.id));
      previous = next;
    }

    // An operator disabling the account reaches the pool's per-list answer through the new list.
    await context.accountAdmin.update(row.id, { enabled: false });
    expect(accountsServing(context.accounts.list(), 'claude-sonnet-4.5').map((account) => account.id)).not.toContain(row.id);
    await context.accountAdmin.update(row.id, { enabled: true });
    expect(accountsServing(context.accounts.list(), 'claude-sonnet-4.5').map((account) => account.id)).toContain(row.id);
  });
});
