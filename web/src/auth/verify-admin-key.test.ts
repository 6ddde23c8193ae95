import { describe, expect, it } from 'vitest';
import { pathOf } from '../test/fixtures';
import { verifyAdminKey } from './verify-admin-key';

type Answers = Record<string, [number, unknown]>;
const answer = (answers: Answers) => (async (request: Request) => {
  const [status, body] = answers[pathOf(request).split('?')[0]!] ?? [404, {}];
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}) as unknown as typeof fetch;

describe('verifyAdminKey', () => {
  it('accepts an admin key', async () => {
    expect(await verifyAdminKey('amq-admin', answer({ '/admin/api-keys': [200, { data: [] }] }))).toEqual({ ok: true, role: 'admin' });
  });

  it('explains a wrong key', async () => {
    const result = await verifyAdminKey('amq-wrong', answer({ '/admin/api-keys': [401, { error: { type: 'authentication_error', message: 'Invalid API key.' } }] }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('not valid') });
  });

  it("signs a non-admin key in to its own page", async () => {
    const result = await verifyAdminKey('amq-user', answer({ '/admin/api-keys': [403, { error: { type: 'permission_error', message: 'Admin only.' } }], '/v1/me': [200, { key: { id: 'k' } }] }));
    expect(result).toEqual({ ok: true, role: 'holder' });
  });

  it('asks for a key when empty', async () => {
    expect(await verifyAdminKey('   ')).toEqual({ ok: false, message: 'Enter an API key.' });
  });
});
