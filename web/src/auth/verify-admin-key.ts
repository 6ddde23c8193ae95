import { ApiError, errorMessage } from '../api/api-error';
import { createSluiceApi, unwrap } from '../api/sluice-api';
import { i18n } from '../i18n/i18n';
import type { SessionRole } from './admin-session';

export type VerifyResult = { ok: true; role: SessionRole } | { ok: false; message: string };

/**
 * Checks a key with `GET /v1/me`, which any valid key may call: an admin key opens the admin pages, any
 * other key its own page. A refusal is explained in plain words.
 */
export async function verifyAdminKey(apiKey: string, fetchFunction?: typeof fetch): Promise<VerifyResult> {
  const trimmed = apiKey.trim();
  if (!trimmed) return { ok: false, message: i18n.t('signIn.enterKey') };
  const api = createSluiceApi({ apiKey: trimmed, fetch: fetchFunction });
  try {
    const me = await unwrap(api.GET('/v1/me', { params: { query: { days: 1 } } }));
    return { ok: true, role: me.key.is_admin ? 'admin' : 'holder' };
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthorized) return { ok: false, message: i18n.t('signIn.invalidKey') };
    return { ok: false, message: errorMessage(error) };
  }
}
