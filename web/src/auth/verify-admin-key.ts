import { createAdminClient } from '../api/admin-client';
import { ApiError, errorMessage } from '../api/api-error';
import { apiKeyListSchema } from '../api/contract/api-key-dto';

export type VerifyResult = { ok: true } | { ok: false; message: string };

/** Checks a key against an admin-only endpoint and explains a refusal in plain words. */
export async function verifyAdminKey(adminKey: string, fetchFunction?: typeof fetch): Promise<VerifyResult> {
  const trimmed = adminKey.trim();
  if (!trimmed) return { ok: false, message: 'Enter an admin API key.' };
  const client = createAdminClient({ adminKey: trimmed, fetch: fetchFunction });
  try {
    await client.get('/admin/api-keys', apiKeyListSchema);
    return { ok: true };
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthorized) {
      return { ok: false, message: 'This key is not valid: it is unknown, expired, disabled or revoked.' };
    }
    if (error instanceof ApiError && error.isForbidden) {
      return { ok: false, message: 'This key works for the API but is not an admin key. Sign in with an admin key.' };
    }
    return { ok: false, message: errorMessage(error) };
  }
}
