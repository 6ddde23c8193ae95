import { describe, expect, it } from 'vitest';
import type { UpstreamAccount } from '../upstream-account.js';
import { resolveAmazonQEndpoints } from './resolve-amazonq-endpoints.js';

const account = (overrides: Partial<UpstreamAccount>): UpstreamAccount => ({
  id: 'a',
  name: 'a',
  provider: 'kiro',
  baseUrl: '',
  credentials: { refresh_token: 'r' },
  settings: {},
  ...overrides,
});

describe('resolveAmazonQEndpoints', () => {
  it('defaults a kiro social account from its region', () => {
    expect(resolveAmazonQEndpoints(account({ settings: { region: 'eu-central-1' } }))).toEqual({
      baseUrl: 'https://q.eu-central-1.amazonaws.com',
      authUrl: 'https://prod.eu-central-1.auth.desktop.kiro.dev',
      authMethod: 'social',
      kind: 'social',
      region: 'eu-central-1',
      authRegion: 'eu-central-1',
    });
  });

  it('uses OIDC for kiro idc accounts and for accounts with a client id and secret', () => {
    expect(resolveAmazonQEndpoints(account({ settings: { auth_method: 'idc' } })).authUrl).toBe('https://oidc.us-east-1.amazonaws.com');
    expect(resolveAmazonQEndpoints(account({ credentials: { refresh_token: 'r', client_id: 'c', client_secret: 's' } })).authMethod).toBe('idc');
  });

  it('always uses OIDC for amazonq accounts', () => {
    expect(resolveAmazonQEndpoints(account({ provider: 'amazonq', settings: { auth_method: 'social' } })).authMethod).toBe('idc');
  });

  it('treats a kiro account with only an API key as an api_key account, never refreshed', () => {
    const endpoints = resolveAmazonQEndpoints(account({ credentials: { api_key: 'ksk_abc' } }));
    expect(endpoints).toMatchObject({ authMethod: 'api_key', kind: 'api_key' });
  });

  it('takes the API region from an Enterprise profile ARN and refreshes in the OIDC region of its Identity Center', () => {
    const endpoints = resolveAmazonQEndpoints(
      account({
        settings: { auth_method: 'idc', idc_kind: 'enterprise', auth_region: 'eu-west-1', profile_arn: 'arn:aws:codewhisperer:eu-central-1:123456789012:profile/ABC' },
      }),
    );
    expect(endpoints).toMatchObject({
      kind: 'enterprise',
      region: 'eu-central-1',
      authRegion: 'eu-west-1',
      baseUrl: 'https://q.eu-central-1.amazonaws.com',
      authUrl: 'https://oidc.eu-west-1.amazonaws.com',
    });
    expect(resolveAmazonQEndpoints(account({ settings: { auth_method: 'idc' } })).kind).toBe('builder_id');
  });

  it('keeps URLs the account already has, without a trailing slash', () => {
    const endpoints = resolveAmazonQEndpoints(account({ baseUrl: 'http://127.0.0.1:9000/', authUrl: 'http://127.0.0.1:9001/' }));
    expect(endpoints.baseUrl).toBe('http://127.0.0.1:9000');
    expect(endpoints.authUrl).toBe('http://127.0.0.1:9001');
  });
});
