import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { postRefreshRequest } from './post-refresh-request.js';

export interface RefreshedToken {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Present when the upstream rotated the refresh token. */
  refreshToken?: string;
  profileArn?: string;
}

const oidcTokenResponse = z.looseObject({
  accessToken: z.string().min(1),
  expiresIn: z.number().optional(),
  refreshToken: z.string().optional(),
});

const defaultExpiresInSeconds = 3600;

export interface RefreshInput {
  authUrl: string;
  refreshToken: string;
  clientId?: string;
  clientSecret?: string;
  userAgent: string;
  dispatcher: Dispatcher;
  now: number;
}

/** SSO OIDC CreateToken with the refresh_token grant (Builder ID and IAM Identity Center accounts). */
export async function refreshOidcToken(input: RefreshInput): Promise<RefreshedToken> {
  if (!input.clientId || !input.clientSecret) {
    throw new CredentialInvalidError('This account refreshes through AWS SSO OIDC and needs client_id and client_secret.', { refreshable: false });
  }
  const body = await postRefreshRequest(
    `${input.authUrl}/token`,
    { clientId: input.clientId, clientSecret: input.clientSecret, refreshToken: input.refreshToken, grantType: 'refresh_token' },
    { 'user-agent': input.userAgent },
    input.dispatcher,
  );
  const parsed = oidcTokenResponse.safeParse(body);
  if (!parsed.success) throw new UpstreamUnavailableError('OIDC token response has no accessToken.');
  return {
    accessToken: parsed.data.accessToken,
    expiresAt: input.now + (parsed.data.expiresIn ?? defaultExpiresInSeconds) * 1000,
    refreshToken: parsed.data.refreshToken || undefined,
  };
}
