import pino from 'pino';
import { Agent } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { AccountCredentials, UpstreamAccount } from '../upstream-account.js';
import type { RefreshedToken, RefreshInput } from './refresh-oidc.js';
import { resolveAmazonQEndpoints } from './resolve-amazonq-endpoints.js';
import { AmazonQTokenManager, type TokenRequestContext } from './token-manager.js';

const account = (credentials: AccountCredentials, provider: 'amazonq' | 'kiro' = 'amazonq'): UpstreamAccount => ({
  id: 'account-1',
  name: 'one',
  provider,
  baseUrl: 'http://127.0.0.1:1',
  credentials,
  settings: {},
});

function setup(refresh: (input: RefreshInput) => Promise<RefreshedToken>) {
  let clock = 1_000_000;
  const saved: Array<Partial<AccountCredentials>> = [];
  const refreshOidc = vi.fn(refresh);
  const refreshSocial = vi.fn(refresh);
  const manager = new AmazonQTokenManager({ now: () => clock, random: () => 0.5, jitterMs: 60_000, refreshOidc, refreshSocial });
  const context: TokenRequestContext = {
    dispatcher: new Agent(),
    logger: pino({ level: 'silent' }),
    userAgent: 'test',
    saveCredentials: async (update) => void saved.push(update),
  };
  return { manager, context, saved, refreshOidc, refreshSocial, advance: (ms: number) => (clock += ms), now: () => clock };
}

let counter = 0;
const issue = (now: number, rotate = false): RefreshedToken => {
  counter += 1;
  return { accessToken: `access-${counter}`, expiresAt: now + 3_600_000, ...(rotate ? { refreshToken: `refresh-${counter}` } : {}) };
};

describe('AmazonQTokenManager', () => {
  it('uses a stored access token that is far from expiry without refreshing', async () => {
    const { manager, context, refreshOidc, now } = setup(async (input) => issue(input.now));
    const stored = account({ refresh_token: 'r', client_id: 'c', client_secret: 's', access_token: 'stored', access_token_expires_at: now() + 3_600_000 });
    expect(await manager.getAccessToken(stored, resolveAmazonQEndpoints(stored), context)).toBe('stored');
    expect(refreshOidc).not.toHaveBeenCalled();
  });

  it('refreshes ahead of expiry (5 minutes plus jitter)', async () => {
    const { manager, context, refreshOidc, now, advance } = setup(async (input) => issue(input.now));
    const expiresAt = now() + 5 * 60_000 + 40_000;
    const stored = account({ refresh_token: 'r', client_id: 'c', client_secret: 's', access_token: 'stored', access_token_expires_at: expiresAt });
    const endpoints = resolveAmazonQEndpoints(stored);
    expect(await manager.getAccessToken(stored, endpoints, context)).toBe('stored');
    advance(15_000);
    expect(await manager.getAccessToken(stored, endpoints, context)).toMatch(/^access-/);
    expect(refreshOidc).toHaveBeenCalledTimes(1);
  });

  it('runs one refresh for many concurrent requests', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { manager, context, refreshOidc } = setup(async (input) => {
      await gate;
      return issue(input.now);
    });
    const stored = account({ refresh_token: 'r', client_id: 'c', client_secret: 's' });
    const endpoints = resolveAmazonQEndpoints(stored);
    const pending = Array.from({ length: 10 }, () => manager.getAccessToken(stored, endpoints, context));
    release();
    const tokens = await Promise.all(pending);
    expect(new Set(tokens).size).toBe(1);
    expect(refreshOidc).toHaveBeenCalledTimes(1);
  });

  it('persists a rotated refresh token and uses it for the next refresh', async () => {
    const { manager, context, saved, refreshOidc, advance } = setup(async (input) => issue(input.now, true));
    const stored = account({ refresh_token: 'original', client_id: 'c', client_secret: 's' });
    const endpoints = resolveAmazonQEndpoints(stored);
    const first = await manager.getAccessToken(stored, endpoints, context);
    expect(saved[0]).toEqual({ access_token: first, access_token_expires_at: expect.any(Number), refresh_token: expect.stringMatching(/^refresh-/) });
    advance(3_600_000);
    await manager.getAccessToken(stored, endpoints, context);
    expect(refreshOidc.mock.calls[1]?.[0].refreshToken).toBe(saved[0]?.refresh_token);
  });

  it('forces one refresh after a rejected token, and none when another request already replaced it', async () => {
    const { manager, context, refreshOidc, now } = setup(async (input) => issue(input.now));
    const stored = account({ refresh_token: 'r', client_id: 'c', client_secret: 's', access_token: 'old', access_token_expires_at: now() + 3_600_000 });
    const endpoints = resolveAmazonQEndpoints(stored);
    const fresh = await manager.forceRefresh(stored, endpoints, context, 'old');
    expect(fresh).not.toBe('old');
    expect(await manager.forceRefresh(stored, endpoints, context, 'old')).toBe(fresh);
    expect(refreshOidc).toHaveBeenCalledTimes(1);
  });

  it('uses the social refresh for kiro accounts without an OIDC client and remembers the profile ARN', async () => {
    const { manager, context, refreshOidc, refreshSocial } = setup(async (input) => ({ ...issue(input.now), profileArn: 'arn:profile' }));
    const kiro = account({ refresh_token: 'r' }, 'kiro');
    await manager.getAccessToken(kiro, resolveAmazonQEndpoints(kiro), context);
    expect(refreshSocial).toHaveBeenCalledTimes(1);
    expect(refreshOidc).not.toHaveBeenCalled();
    expect(manager.profileArn('account-1')).toBe('arn:profile');
  });

  it('refreshes a social account with a stored token once to learn its profile ARN, and keeps the stored token if that refresh fails transiently', async () => {
    const { manager, context, refreshSocial, now } = setup(async () => {
      throw new UpstreamUnavailableError('Token refresh failed with status 503.', { upstreamStatus: 503 });
    });
    const kiro = account({ refresh_token: 'r', access_token: 'stored', access_token_expires_at: now() + 3_600_000 }, 'kiro');
    const endpoints = resolveAmazonQEndpoints(kiro);
    const [first, second] = await Promise.all([manager.getAccessToken(kiro, endpoints, context), manager.getAccessToken(kiro, endpoints, context)]);
    expect([first, second]).toEqual(['stored', 'stored']);
    expect(await manager.getAccessToken(kiro, endpoints, context)).toBe('stored');
    expect(refreshSocial).toHaveBeenCalledTimes(1);
  });

  it('passes a dead refresh token through as a non-refreshable credential error, and retries on the next call', async () => {
    const { manager, context, refreshOidc } = setup(async () => {
      throw new CredentialInvalidError('Refresh token rejected (invalid_grant)', { refreshable: false });
    });
    const stored = account({ refresh_token: 'r', client_id: 'c', client_secret: 's' });
    const endpoints = resolveAmazonQEndpoints(stored);
    await expect(manager.getAccessToken(stored, endpoints, context)).rejects.toMatchObject({ refreshable: false, message: /invalid_grant/ });
    await expect(manager.getAccessToken(stored, endpoints, context)).rejects.toBeInstanceOf(CredentialInvalidError);
    expect(refreshOidc).toHaveBeenCalledTimes(2);
  });

  it('starts over when the operator replaces the refresh token', async () => {
    const { manager, context, refreshOidc, now } = setup(async (input) => issue(input.now));
    const first = account({ refresh_token: 'r1', client_id: 'c', client_secret: 's', access_token: 'a1', access_token_expires_at: now() + 3_600_000 });
    expect(await manager.getAccessToken(first, resolveAmazonQEndpoints(first), context)).toBe('a1');
    const replaced = account({ refresh_token: 'r2', client_id: 'c', client_secret: 's' });
    await manager.getAccessToken(replaced, resolveAmazonQEndpoints(replaced), context);
    expect(refreshOidc.mock.calls[0]?.[0].refreshToken).toBe('r2');
  });
});
