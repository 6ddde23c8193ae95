import { ApiError, errorMessage } from '../api/api-error';
import { createSluiceApi, unwrap } from '../api/sluice-api';
import { i18n } from '../i18n/i18n';
import type { SessionRole } from './admin-session';

export type VerifyResult = { ok: true; role: SessionRole } | { ok: false; message: string };

/**
 * Checks a key: an admin key opens the admin pages; any other valid key opens its own page (`GET /v1/me`).
 * A refusal is explained in plain words.
 */
export async function verifyAdminKey(apiKey: string, fetchFunction?: typeof fetch): Promise<VerifyResult> {
  const trimmed = apiKey.trim();
  if (!trimmed) return { ok: false, message: i18n.t('signIn.enterKey') };
  const api = createSluiceApi({ apiKey: trimmed, fetch: fetchFunction });
  try {
    await unwrap(api.GET('/admin/api-keys'));
    return { ok: true, role: 'admin' };
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthorized) return { ok: false, message: i18n.t('signIn.invalidKey') };
    if (!(error instanceof ApiError && error.isForbidden)) return { ok: false, message: errorMessage(error) };
  }
  try {
    await unwrap(api.GET('/v1/me'));
    return { ok: true, role: 'holder' };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}
