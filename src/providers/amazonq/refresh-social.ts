import { z } from 'zod';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { postRefreshRequest } from './post-refresh-request.js';
import type { RefreshedToken, RefreshInput } from './refresh-oidc.js';

const socialTokenResponse = z.looseObject({
  accessToken: z.string().min(1),
  expiresIn: z.number().optional(),
  refreshToken: z.string().optional(),
  profileArn: z.string().optional(),
});

const defaultExpiresInSeconds = 3600;

/** Kiro social (Google/GitHub) accounts: `POST {authUrl}/refreshToken {refreshToken}`. */
export async function refreshSocialToken(input: RefreshInput): Promise<RefreshedToken> {
  const body = await postRefreshRequest(
    `${input.authUrl}/refreshToken`,
    { refreshToken: input.refreshToken },
    { 'user-agent': input.userAgent },
    input.dispatcher,
  );
  const parsed = socialTokenResponse.safeParse(body);
  if (!parsed.success) throw new UpstreamUnavailableError('Kiro token response has no accessToken.');
  return {
    accessToken: parsed.data.accessToken,
    expiresAt: input.now + (parsed.data.expiresIn ?? defaultExpiresInSeconds) * 1000,
    refreshToken: parsed.data.refreshToken || undefined,
    profileArn: parsed.data.profileArn || undefined,
  };
}
