import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseImportSources } from './parse-import-sources.js';

const json = (name: string, value: unknown) => ({ name, text: JSON.stringify(value) });
const hash = '3f1e5c8a9b0d2e4f6a7b8c9d0e1f2a3b4c5d6e7f';

describe('parseImportSources', () => {
  it('reads a Kiro IDE social token file, keeping its profile ARN', () => {
    const token = {
      accessToken: 'aoaAAAAAGkAccess',
      refreshToken: 'aorAAAAAGkSocialRefresh',
      profileArn: 'arn:aws:codewhisperer:us-east-1:699475941385:profile/EHGA3GRVQMUK',
      expiresAt: '2026-12-05T10:30:00.000Z',
      authMethod: 'social',
      provider: 'Google',
    };
    expect(parseImportSources([json('kiro-auth-token.json', token)])).toEqual([
      {
        source: 'kiro-auth-token.json',
        input: { provider: 'kiro', name: 'Kiro Google', auth_method: 'social', refresh_token: 'aorAAAAAGkSocialRefresh', profile_arn: token.profileArn },
      },
    ]);
  });

  it('pairs an IdC token file with its client registration by clientIdHash, dropping the Builder ID placeholder ARN', () => {
    const token = {
      accessToken: 'aoa',
      refreshToken: 'aorBuilderRefresh',
      expiresAt: '2026-12-05T10:30:00.000Z',
      clientIdHash: hash,
      authMethod: 'IdC',
      provider: 'BuilderId',
      region: 'us-east-1',
      profileArn: 'arn:aws:codewhisperer:us-east-1:638616132270:profile/AAAACCCCXXXX',
    };
    const registration = { clientId: 'client-id-1', clientSecret: 'client-secret-1', expiresAt: '2027-03-05T10:30:00.000Z' };
    const other = { clientId: 'client-id-2', clientSecret: 'client-secret-2', expiresAt: '2027-03-05T10:30:00.000Z' };
    const candidates = parseImportSources([json('kiro-auth-token.json', token), json(`${hash}.json`, registration), json('0000000000000000000000000000000000000000.json', other)]);
    expect(candidates).toEqual([
      {
        source: 'kiro-auth-token.json',
        input: {
          provider: 'kiro',
          name: 'Kiro BuilderId',
          auth_method: 'idc',
          idc_kind: 'builder_id',
          refresh_token: 'aorBuilderRefresh',
          client_id: 'client-id-1',
          client_secret: 'client-secret-1',
          auth_region: 'us-east-1',
        },
      },
    ]);
  });

  it('marks an Enterprise IdC login so its own profile ARN is looked up, in the OIDC region of its file', () => {
    const token = { refreshToken: 'aorEnterprise', authMethod: 'IdC', provider: 'Enterprise', region: 'eu-west-1', clientIdHash: hash, expiresAt: 'x' };
    const [candidate] = parseImportSources([json('kiro-auth-token.json', token), json('registration.json', { clientId: 'c', clientSecret: 's' })]);
    expect(candidate).toMatchObject({ input: { idc_kind: 'enterprise', auth_region: 'eu-west-1', client_id: 'c' } });
    expect(candidate && 'input' in candidate ? candidate.input.profile_arn : 'x').toBeUndefined();
  });

  it('rejects an IdC login without its registration, naming the file to add', () => {
    const token = { refreshToken: 'aorLonely', authMethod: 'IdC', provider: 'BuilderId', region: 'us-east-1', clientIdHash: hash };
    expect(parseImportSources([json('kiro-auth-token.json', token)])).toEqual([
      { source: 'kiro-auth-token.json', rejected: `This IdC login needs its client registration file ${hash}.json (from the same folder); add it to the import.` },
    ]);
  });

  it('reads kiro.rs credential lists: social, IdC with regions, API keys, disabled and priority', () => {
    const list = [
      { refreshToken: 'rs-social', expiresAt: '2026-01-01T00:00:00Z', authMethod: 'social', priority: 2, email: 'a@example.com' },
      { refreshToken: 'rs-idc', authMethod: 'idc', clientId: 'c', clientSecret: 's', authRegion: 'eu-west-1', apiRegion: 'eu-central-1', disabled: true },
      { kiroApiKey: 'ksk_abcdefghijklmnop', authMethod: 'api_key' },
      { authMethod: 'api_key' },
    ];
    const candidates = parseImportSources([json('credentials.json', list)]);
    expect(candidates).toEqual([
      { source: 'credentials.json #1', input: { provider: 'kiro', name: 'a@example.com', priority: 2, auth_method: 'social', refresh_token: 'rs-social' } },
      {
        source: 'credentials.json #2',
        input: {
          provider: 'kiro',
          name: 'kiro.rs credentials.json #2',
          enabled: false,
          region: 'eu-central-1',
          auth_region: 'eu-west-1',
          auth_method: 'idc',
          idc_kind: 'builder_id',
          refresh_token: 'rs-idc',
          client_id: 'c',
          client_secret: 's',
        },
      },
      { source: 'credentials.json #3', input: { provider: 'kiro', name: 'kiro.rs credentials.json #3', auth_method: 'api_key', api_key: 'ksk_abcdefghijklmnop' } },
      { source: 'credentials.json #4', rejected: 'authMethod is api_key but the entry has no kiroApiKey.' },
    ]);
  });

  it('reads an amq2api export line by line', () => {
    const text = ['amazonq|main|cid-1|csecret-1|aor-1|aoa-1||', 'amazonq|second|cid-2|csecret-2|aor-2|||https://q.eu-central-1.amazonaws.com', 'gemini|g|x|y|z|||'].join('\n');
    expect(parseImportSources([{ name: 'accounts_2026-12-05.txt', text }])).toEqual([
      { source: 'accounts_2026-12-05.txt, line 1', input: { provider: 'amazonq', name: 'main', refresh_token: 'aor-1', client_id: 'cid-1', client_secret: 'csecret-1' } },
      {
        source: 'accounts_2026-12-05.txt, line 2',
        input: { provider: 'amazonq', name: 'second', refresh_token: 'aor-2', client_id: 'cid-2', client_secret: 'csecret-2', base_url: 'https://q.eu-central-1.amazonaws.com' },
      },
      { source: 'accounts_2026-12-05.txt, line 3', rejected: 'amq2api accounts of type "gemini" are not Amazon Q or Kiro accounts.' },
    ]);
  });

  it('reads the Amazon Q Developer CLI database (auth_kv + selected profile) and its JSON entries', () => {
    const directory = mkdtempSync(join(tmpdir(), 'q-cli-test-'));
    try {
      const path = join(directory, 'data.sqlite3');
      const database = new Database(path);
      database.exec('CREATE TABLE auth_kv (key TEXT PRIMARY KEY, value TEXT); CREATE TABLE state (key TEXT PRIMARY KEY, value BLOB);');
      const token = { access_token: 'aoa', expires_at: '2026-12-05T10:00:00Z', refresh_token: 'q-cli-refresh', region: 'eu-west-1', start_url: 'https://my-org.awsapps.com/start', oauth_flow: 'DeviceCode', scopes: ['codewhisperer:completions'] };
      const registration = { client_id: 'q-client', client_secret: 'q-secret', client_secret_expires_at: '2027-01-01T00:00:00Z', region: 'eu-west-1', oauth_flow: 'DeviceCode', scopes: [] };
      database.prepare('INSERT INTO auth_kv VALUES (?, ?)').run('codewhisperer:odic:token', JSON.stringify(token));
      database.prepare('INSERT INTO auth_kv VALUES (?, ?)').run('codewhisperer:odic:device-registration', JSON.stringify(registration));
      database.prepare('INSERT INTO state VALUES (?, ?)').run('api.codewhisperer.profile', JSON.stringify({ arn: 'arn:aws:codewhisperer:us-east-1:111122223333:profile/ORG', profile_name: 'org' }));
      database.close();
      const expected = {
        provider: 'amazonq',
        name: 'Amazon Q CLI Identity Center',
        idc_kind: 'enterprise',
        refresh_token: 'q-cli-refresh',
        client_id: 'q-client',
        client_secret: 'q-secret',
        auth_region: 'eu-west-1',
      };
      expect(parseImportSources([{ name: 'data.sqlite3', bytes: readFileSync(path) }])).toEqual([
        { source: 'data.sqlite3 (codewhisperer:odic:token)', input: { ...expected, profile_arn: 'arn:aws:codewhisperer:us-east-1:111122223333:profile/ORG' } },
      ]);
      // The same login pasted as the two JSON values.
      expect(parseImportSources([json('token.json', { ...token, start_url: 'https://view.awsapps.com/start' }), json('registration.json', registration)])).toEqual([
        { source: 'token.json', input: { ...expected, name: 'Amazon Q CLI Builder ID', idc_kind: 'builder_id' } },
      ]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('passes Sluice’s own account objects through and rejects what it cannot read', () => {
    expect(parseImportSources([json('rows.json', [{ name: 'x', provider: 'openai', api_key: 'sk-1' }]), { name: 'notes.txt', text: 'hello world' }, { name: 'empty.json', text: ' ' }])).toEqual([
      { source: 'rows.json', input: { name: 'x', provider: 'openai', api_key: 'sk-1' } },
      { source: 'notes.txt', rejected: 'Neither JSON nor an amq2api export (type|label|clientId|clientSecret|refreshToken|…).' },
      { source: 'empty.json', rejected: 'The file is empty.' },
    ]);
  });
});
