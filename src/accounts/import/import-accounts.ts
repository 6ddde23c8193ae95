import { createHash } from 'node:crypto';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { AccountCredentials } from '../../providers/upstream-account.js';
import type { ImportCandidate } from './import-item.js';

export type ImportRowResult =
  | { index: number; source: string; status: 'created'; ok: true; id: string; name: string; provider: string }
  | { index: number; source: string; status: 'duplicate'; ok: false; error: string; existing_id: string | null }
  | { index: number; source: string; status: 'rejected'; ok: false; error: string };

export interface ImportOutcome {
  results: ImportRowResult[];
  created: number;
  duplicates: number;
  /** Rows not created: duplicates and rejections. */
  failed: number;
}

export interface ImportDependencies {
  /** Credentials of the accounts that exist now (decrypted, in memory). */
  existing(): Iterable<{ id: string; credentials: AccountCredentials }>;
  /** Validates and creates one account; throws InvalidRequestError with the reason when it is not valid. */
  create(input: Record<string, unknown>): Promise<{ id: string; name: string; provider: string }>;
}

/** A fingerprint of the secret that identifies a login: its refresh token, or its API key. */
const fingerprintOf = (credentials: { refresh_token?: unknown; api_key?: unknown }): string | undefined => {
  const secret = typeof credentials.refresh_token === 'string' && credentials.refresh_token ? credentials.refresh_token : credentials.api_key;
  return typeof secret === 'string' && secret.length > 0 ? createHash('sha256').update(secret).digest('hex') : undefined;
};

/**
 * Creates the accounts of an import, one row per candidate: `created`; `duplicate` when an account
 * (or an earlier row) already has the same refresh token or key; `rejected` with the reason. Results
 * name rows by their source and never echo a secret.
 */
export async function importAccounts(candidates: readonly ImportCandidate[], dependencies: ImportDependencies): Promise<ImportOutcome> {
  const known = new Map<string, string | null>();
  for (const account of dependencies.existing()) {
    const fingerprint = fingerprintOf(account.credentials);
    if (fingerprint) known.set(fingerprint, account.id);
  }
  const results: ImportRowResult[] = [];
  for (const [index, candidate] of candidates.entries()) {
    if ('rejected' in candidate) {
      results.push({ index, source: candidate.source, status: 'rejected', ok: false, error: candidate.rejected });
      continue;
    }
    const fingerprint = fingerprintOf(candidate.input);
    if (fingerprint && known.has(fingerprint)) {
      const existing = known.get(fingerprint) ?? null;
      const error = existing ? 'An account with the same refresh token or key already exists.' : 'An earlier row of this import has the same refresh token or key.';
      results.push({ index, source: candidate.source, status: 'duplicate', ok: false, error, existing_id: existing });
      continue;
    }
    try {
      const created = await dependencies.create(candidate.input);
      if (fingerprint) known.set(fingerprint, created.id);
      results.push({ index, source: candidate.source, status: 'created', ok: true, id: created.id, name: created.name, provider: created.provider });
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      results.push({ index, source: candidate.source, status: 'rejected', ok: false, error: error.message });
    }
  }
  const created = results.filter((result) => result.status === 'created').length;
  const duplicates = results.filter((result) => result.status === 'duplicate').length;
  return { results, created, duplicates, failed: results.length - created };
}
