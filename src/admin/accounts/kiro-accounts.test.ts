import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/create-test-app.js';

type Json = Record<string, any>;

describe('Kiro and Amazon Q accounts in the admin API', () => {
  let harness: TestApp;
  const post = async (path: string, body: unknown) => {
    const response = await harness.request('POST', path, body);
    return { status: response.status, body: (await response.json()) as Json };
  };
  beforeAll(async () => {
    harness = await createTestApp();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('creates a Kiro API-key account (explicit or inferred), keeps the key encrypted and shows it masked', async () => {
    const key = 'ksk_live_9f8e7d6c5b4a3210abcdef';
    const { status, body } = await post('/admin/accounts', { name: 'key', provider: 'kiro', api_key: key });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ auth_method: 'api_key', credentials: { api_key: 'ksk_…cdef', refresh_token: null } });
    expect(JSON.stringify(body)).not.toContain(key);
    expect(harness.context.accounts.get(body.id)?.upstream).toMatchObject({ credentials: { api_key: key }, settings: { auth_method: 'api_key' } });
    const explicit = await post('/admin/accounts', { name: 'key 2', provider: 'kiro', auth_method: 'api_key', api_key: 'ksk_second_0123456789' });
    expect(explicit.status).toBe(201);
  });

  it('rejects what cannot work, naming the field', async () => {
    const cases: Array<[Json, string]> = [
      [{ provider: 'kiro', auth_method: 'api_key' }, 'api_key'],
      [{ provider: 'kiro', auth_method: 'api_key', api_key: 'sk-not-a-kiro-key' }, 'api_key'],
      [{ provider: 'kiro', auth_method: 'social' }, 'refresh_token'],
      [{ provider: 'kiro', refresh_token: 'r', auth_method: 'idc', client_id: 'c', client_secret: 's', profile_arn: 'arn:nope' }, 'profile_arn'],
      [
        {
          provider: 'kiro',
          refresh_token: 'r',
          auth_method: 'idc',
          idc_kind: 'enterprise',
          client_id: 'c',
          client_secret: 's',
          profile_arn: 'arn:aws:codewhisperer:us-east-1:638616132270:profile/AAAACCCCXXXX',
        },
        'profile_arn',
      ],
      [{ provider: 'kiro', refresh_token: 'r', auth_region: 'mars' }, 'auth_region'],
    ];
    for (const [input, field] of cases) {
      const { status, body } = await post('/admin/accounts', { name: 'bad', ...input });
      expect(status, JSON.stringify(input)).toBe(400);
      expect(body.error.field, JSON.stringify(body)).toBe(field);
    }
  });

  it('resolves an Enterprise account: OIDC in its own region, API region from its ARN', async () => {
    const { body } = await post('/admin/accounts', {
      name: 'org',
      provider: 'kiro',
      auth_method: 'idc',
      idc_kind: 'enterprise',
      refresh_token: 'aorEnterprise0123456789',
      client_id: 'cid',
      client_secret: 'csecret',
      auth_region: 'eu-west-1',
      profile_arn: 'arn:aws:codewhisperer:eu-central-1:111122223333:profile/ORG',
    });
    expect(body).toMatchObject({ idc_kind: 'enterprise', auth_region: 'eu-west-1' });
    expect(harness.context.accounts.get(body.id)?.upstream).toMatchObject({
      baseUrl: 'https://q.eu-central-1.amazonaws.com',
      authUrl: 'https://oidc.eu-west-1.amazonaws.com',
    });
  });

  it('switches a social account to an API key with a PATCH', async () => {
    const { body } = await post('/admin/accounts', { name: 'switch', provider: 'kiro', refresh_token: 'aorSwitch0123456789' });
    const patched = await harness.request('PATCH', `/admin/accounts/${body.id}`, { auth_method: 'api_key', api_key: 'ksk_switched_0123456789' });
    expect(patched.status).toBe(200);
    expect(harness.context.accounts.get(body.id)?.upstream.credentials).toEqual({ api_key: 'ksk_switched_0123456789' });
  });

  it('imports uploaded files: created, duplicate and rejected rows, without echoing a secret', async () => {
    const hash = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    const form = new FormData();
    form.append('file', new Blob([JSON.stringify({ refreshToken: 'aorImportedIdc', authMethod: 'IdC', provider: 'BuilderId', region: 'us-east-1', clientIdHash: hash })]), 'kiro-auth-token.json');
    form.append('file', new Blob([JSON.stringify({ clientId: 'imported-client', clientSecret: 'imported-client-secret' })]), `${hash}.json`);
    form.append(
      'file',
      new Blob([JSON.stringify([{ kiroApiKey: 'ksk_imported_0123456789', authMethod: 'api_key' }, { kiroApiKey: 'ksk_imported_0123456789' }, { refreshToken: 'aorEnterprise0123456789' }])]),
      'credentials.json',
    );
    form.append('text', 'amazonq|pasted|cid|csecret-value||||');
    const response = await harness.app.request('/admin/accounts/import', { method: 'POST', headers: { authorization: `Bearer ${harness.adminKey}` }, body: form });
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const secret of ['aorImportedIdc', 'imported-client-secret', 'ksk_imported_0123456789', 'csecret-value']) expect(text).not.toContain(secret);
    const body = JSON.parse(text) as Json;
    expect(body.results.map((row: Json) => [row.source, row.status])).toEqual([
      ['kiro-auth-token.json', 'created'],
      ['credentials.json #1', 'created'],
      ['credentials.json #2', 'duplicate'],
      ['credentials.json #3', 'duplicate'],
      ['pasted, line 1', 'rejected'],
    ]);
    expect(body).toMatchObject({ created: 2, duplicates: 2, failed: 3 });
    expect(body.results[4].error).toBe('The line has no refresh token.');
    const idc = harness.context.accounts.get(body.results[0].id);
    expect(idc?.upstream).toMatchObject({ credentials: { refresh_token: 'aorImportedIdc', client_id: 'imported-client' }, settings: { auth_method: 'idc', idc_kind: 'builder_id' } });
    // The same files again: every login is now a duplicate.
    const again = await post('/admin/accounts/import', { files: [{ name: 'credentials.json', content: JSON.stringify([{ kiroApiKey: 'ksk_imported_0123456789' }]) }] });
    expect(again.body.results[0]).toMatchObject({ status: 'duplicate', existing_id: body.results[1].id });
  });
});
