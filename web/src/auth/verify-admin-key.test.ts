import { describe, expect, it } from 'vitest';
import { pathOf } from '../test/fixtures';
import { verifyAdminKey } from './verify-admin-key';

const answer = (status: number, body: unknown) =>
  (async (request: Request) => {
    expect(pathOf(request)).toBe('/v1/me?days=1');
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;

describe('verifyAdminKey', () => {
  it('opens the admin pages for an admin key', async () => {
    expect(await verifyAdminKey('amq-admin', answer(200, { key: { is_admin: true } }))).toEqual({ ok: true, role: 'admin' });
  });

  it('opens its own page for any other key', async () => {
    expect(await verifyAdminKey('amq-user', answer(200, { key: { is_admin: false } }))).toEqual({ ok: true, role: 'holder' });
  });

  it('explains a wrong key', async () => {
    const result = await verifyAdminKey('amq-wrong', answer(401, { error: { type: 'authentication_error', message: 'Invalid API key.' } }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('not valid') });
  });

  it('asks for a key when empty', async () => {
    expect(await verifyAdminKey('   ')).toEqual({ ok: false, message: 'Enter an API key.' });
  });
});
