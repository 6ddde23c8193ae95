import { describe, expect, it } from 'vitest';
import type { UpstreamAccount } from '../upstream-account.js';
import { amazonQFlavours } from './amazonq-flavour.js';
import { buildChatHeaders, machineIdOf, refreshUserAgentOf } from './build-request-headers.js';

const account = (overrides: Partial<UpstreamAccount> = {}): UpstreamAccount => ({
  id: 'account-7',
  name: 'seven',
  provider: 'kiro',
  baseUrl: 'http://127.0.0.1:1',
  credentials: { refresh_token: 'secret' },
  settings: {},
  ...overrides,
});

describe('buildChatHeaders', () => {
  it('sends the awsJson target and content type for Q CLI accounts', () => {
    const headers = buildChatHeaders(account({ provider: 'amazonq' }), amazonQFlavours.amazonq, 'token');
    expect(headers).toMatchObject({
      authorization: 'Bearer token',
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'AmazonCodeWhispererStreamingService.GenerateAssistantResponse',
      'x-amzn-codewhisperer-optout': 'true',
    });
    expect(headers['user-agent']).toContain('app/AmazonQ-For-CLI');
  });

  it('sends Kiro IDE headers with a per-account machine id that does not derive from the secret', () => {
    const headers = buildChatHeaders(account(), amazonQFlavours.kiro, 'token');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-amz-target']).toBeUndefined();
    expect(headers['x-amzn-kiro-agent-mode']).toBe('vibe');
    expect(machineIdOf(account())).toMatch(/^[0-9a-f]{64}$/);
    expect(headers['user-agent']).toContain(`KiroIDE-0.11.107-${machineIdOf(account())}`);
    expect(JSON.stringify(headers)).not.toContain('secret');
  });

  it('sends the SDK retry header of the real clients (three attempts) on both flavours', () => {
    expect(buildChatHeaders(account({ provider: 'amazonq' }), amazonQFlavours.amazonq, 'token')['amz-sdk-request']).toBe('attempt=1; max=3');
    expect(buildChatHeaders(account(), amazonQFlavours.kiro, 'token')['amz-sdk-request']).toBe('attempt=1; max=3');
  });

  it('refreshes Kiro idc accounts with the sso-oidc user agent of the Kiro IDE and social ones with its desktop agent', () => {
    const idc = account({ credentials: { refresh_token: 'r', client_id: 'c', client_secret: 's' } });
    expect(refreshUserAgentOf(idc, amazonQFlavours.kiro)).toContain('api/sso-oidc#');
    expect(refreshUserAgentOf(idc, amazonQFlavours.kiro)).toContain('KiroIDE');
    expect(refreshUserAgentOf(account(), amazonQFlavours.kiro)).toBe(`KiroIDE-0.11.107-${machineIdOf(account())}`);
    expect(refreshUserAgentOf(account({ provider: 'amazonq' }), amazonQFlavours.amazonq)).toContain('api/ssooidc/');
  });

  it("uses the account's own user agent and extra headers, but never lets them replace authorization", () => {
    const headers = buildChatHeaders(
      account({ userAgent: 'custom-agent/1.0', settings: { headers: { 'X-Extra': 'yes', Authorization: 'Bearer other' } } }),
      amazonQFlavours.kiro,
      'token',
    );
    expect(headers['user-agent']).toBe('custom-agent/1.0');
    expect(headers['x-extra']).toBe('yes');
    expect(headers.authorization).toBe('Bearer token');
  });
});
