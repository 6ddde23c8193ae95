import { describe, expect, it } from 'vitest';
import { buildCredentialHints, maskSecret } from './credential-hints.js';
import { maskProxyUrl } from './mask-proxy-url.js';
import { resolveAccountEndpoints, type AccountEndpointInput } from './resolve-account-endpoints.js';

const input = (overrides: Partial<AccountEndpointInput>): AccountEndpointInput => ({
  provider: 'anthropic',
  baseUrl: null,
  authUrl: null,
  region: null,
  authMethod: null,
  ...overrides,
});

describe('resolveAccountEndpoints', () => {
  it.each([
    [input({ provider: 'anthropic' }), { baseUrl: 'https://api.anthropic.com' }],
    [input({ provider: 'openai' }), { baseUrl: 'https://api.openai.com/v1' }],
    [input({ provider: 'openai-compatible', baseUrl: 'http://local:1/v1' }), { baseUrl: 'http://local:1/v1' }],
    [input({ provider: 'amp' }), { baseUrl: 'https://ampcode.com' }],
    [input({ provider: 'amazonq' }), { baseUrl: 'https://q.us-east-1.amazonaws.com', authUrl: 'https://oidc.us-east-1.amazonaws.com' }],
    [input({ provider: 'amazonq', region: 'eu-west-1' }), { baseUrl: 'https://q.eu-west-1.amazonaws.com', authUrl: 'https://oidc.eu-west-1.amazonaws.com' }],
    [input({ provider: 'kiro' }), { baseUrl: 'https://q.us-east-1.amazonaws.com', authUrl: 'https://prod.us-east-1.auth.desktop.kiro.dev' }],
    [input({ provider: 'kiro', authMethod: 'idc' }), { baseUrl: 'https://q.us-east-1.amazonaws.com', authUrl: 'https://oidc.us-east-1.amazonaws.com' }],
    [input({ provider: 'kiro', baseUrl: 'http://fake:1', authUrl: 'http://fake:2' }), { baseUrl: 'http://fake:1', authUrl: 'http://fake:2' }],
  ])('%o → %o', (given, expected) => {
    expect(resolveAccountEndpoints(given)).toEqual(expected);
  });
});

describe('secret hints', () => {
  it('shows only the ends of long secrets and nothing of short ones', () => {
    expect(maskSecret('sk-ant-api03-abcdefgh-wxyz')).toBe('sk-a…wxyz');
    expect(maskSecret('short')).toBe('…');
    expect(maskSecret(undefined)).toBeNull();
    expect(buildCredentialHints({ refresh_token: 'aor0123456789xyz', client_secret: 's' })).toEqual({
      api_key: null,
      refresh_token: 'aor0…9xyz',
      client_id: null,
      client_secret: true,
    });
  });

  it('masks a proxy password and keeps the rest', () => {
    expect(maskProxyUrl('http://user:secret@proxy:3128')).toBe('http://user:***@proxy:3128/');
    expect(maskProxyUrl('socks5://10.0.0.1:1080')).toBe('socks5://10.0.0.1:1080');
    expect(maskProxyUrl(null)).toBeNull();
  });
});
