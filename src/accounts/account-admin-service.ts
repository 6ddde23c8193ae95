import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InvalidRequestError } from '../core/errors/invalid-request-error.js';
import { NotFoundError } from '../core/errors/not-found-error.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { AccountCredentials } from '../providers/upstream-account.js';
import { invalidRequestFromZod } from '../core/errors/invalid-request-from-zod.js';
import type { ChangeBus } from '../store/change-bus.js';
import {
  deleteAccount,
  findAccountRow,
  findAccountSecretRow,
  insertAccount,
  listAccountRows,
  updateAccount,
  type AccountRow,
} from '../store/repositories/account-repository.js';
import type { Database } from '../store/schema.js';
import { accountInputSchema, secretFields, type AccountInput } from './account-input-schema.js';
import { accountInputToColumns, accountRowToInput } from './account-row-mapping.js';
import { openAccountSecretSettings, restoreMaskedSecretSettings } from './account-secret-settings.js';
import { parseStoredCredentials } from './stored-account-fields.js';

export type ImportResult = { index: number; ok: true; id: string } | { index: number; ok: false; error: string };

/** Create, change and remove accounts for the admin API. Every write is validated first, then broadcast. */
export interface AccountAdminService {
  list(): Promise<AccountRow[]>;
  get(id: string): Promise<AccountRow>;
  create(body: unknown): Promise<AccountRow>;
  update(id: string, patch: unknown): Promise<AccountRow>;
  remove(id: string): Promise<void>;
  importMany(rows: unknown[]): Promise<{ results: ImportResult[]; created: number; failed: number }>;
}

export function createAccountAdminService(options: {
  db: Kysely<Database>;
  secretBox: SecretBox;
  bus: ChangeBus;
  now?: () => number;
}): AccountAdminService {
  const now = options.now ?? Date.now;

  const parseInput = (body: unknown): AccountInput => {
    const parsed = accountInputSchema.safeParse(body);
    if (!parsed.success) throw invalidRequestFromZod(parsed.error);
    return parsed.data;
  };

  const get = async (id: string) => {
    const row = await findAccountRow(options.db, id);
    if (!row) throw new NotFoundError(`No account with id ${id}.`);
    return row;
  };

  const create = async (body: unknown) => {
    const input = parseInput(body);
    const id = randomUUID();
    const at = now();
    await insertAccount(options.db, {
      id,
      provider: input.provider,
      ...accountInputToColumns(input, options.secretBox),
      status: 'active',
      created_at: at,
      updated_at: at,
    });
    await options.bus.publish('accounts', id);
    return get(id);
  };

  return {
    list: () => listAccountRows(options.db),
    get,
    create,
    async update(id, patch) {
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new InvalidRequestError('The body must be a JSON object.');
      const stored = await findAccountSecretRow(options.db, id);
      if (!stored) throw new NotFoundError(`No account with id ${id}.`);
      const secrets = openAccountSecretSettings(stored, options.secretBox);
      const changes = restoreMaskedSecretSettings(patch as Record<string, unknown>, secrets);
      if (changes.provider !== undefined && changes.provider !== stored.provider) {
        throw new InvalidRequestError('provider: cannot be changed; create a new account instead.', { field: 'provider' });
      }
      const credentials = parseStoredCredentials(options.secretBox.open(stored.credentials_encrypted));
      const input = parseInput({ ...accountRowToInput(stored, credentials, secrets), ...changes, provider: stored.provider });
      const credentialsChanged = secretFields.some((field) => field in changes);
      const kept: AccountCredentials = credentialsChanged
        ? {}
        : { access_token: credentials.access_token, access_token_expires_at: credentials.access_token_expires_at };
      const reactivate = credentialsChanged && stored.status !== 'active';
      await updateAccount(options.db, id, {
        ...accountInputToColumns(input, options.secretBox, dropEmpty(kept)),
        ...(reactivate ? { status: 'active', status_reason: 'credentials updated', status_changed_at: now(), cooldown_until: null } : {}),
        updated_at: now(),
      });
      await options.bus.publish('accounts', id);
      return get(id);
    },
    async remove(id) {
      if (!(await deleteAccount(options.db, id))) throw new NotFoundError(`No account with id ${id}.`);
      await options.bus.publish('accounts', id);
    },
    async importMany(rows) {
      const results: ImportResult[] = [];
      for (const [index, row] of rows.entries()) {
        try {
          const created = await create(row);
          results.push({ index, ok: true, id: created.id });
        } catch (error) {
          if (!(error instanceof InvalidRequestError)) throw error;
          results.push({ index, ok: false, error: error.message });
        }
      }
      const created = results.filter((result) => result.ok).length;
      return { results, created, failed: results.length - created };
    },
  };
}

function dropEmpty(credentials: AccountCredentials): AccountCredentials {
  return Object.fromEntries(Object.entries(credentials).filter(([, value]) => value !== undefined)) as AccountCredentials;
}
