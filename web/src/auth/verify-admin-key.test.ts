import { describe, expect, it } from 'vitest';
import { verifyAdminKey } from './verify-admin-key';

const answer = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;

describe('verifyAdminKey', () => {
  it('accepts an admin key', async () => {
    expect(await verifyAdminKey('amq-admin', answer(200, { data: [] }))).toEqual({ ok: true });
  });

  it('explains a wrong key', async () => {
    const result = await verifyAdminKey('amq-wrong', answer(401, { error: { type: 'authentication_error', message: 'Invalid API key.' } }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('not valid') });
  });

  it('explains a non-admin key', async () => {
    const result = await verifyAdminKey('amq-user', answer(403, { error: { type: 'permission_error', message: 'Admin only.' } }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('not an admin key') });
  });

  it('asks for a key when empty', async () => {
    expect(await verifyAdminKey('   ')).toEqual({ ok: false, message: 'Enter an admin API key.' });
  });
});
