import type { Kysely } from 'kysely';
import type { SecretBox } from '../crypto/secret-box.js';
import { listAccountSecretRows } from '../store/repositories/account-repository.js';
import type { Database } from '../store/schema.js';
import { hasPlaintextSecretSettings, openAccountSecretSettings, plainSettingsOf, sealAccountSecretSettings } from './account-secret-settings.js';

/**
 * Seals the proxy URLs and custom header values that older versions stored in plaintext. Runs at
 * start-up (the key is only known at run time, so a migration cannot do it); idempotent: rows that
 * are sealed already are left alone. Returns how many rows it rewrote.
 */
export async function resealAccountSecretSettings(db: Kysely<Database>, secretBox: SecretBox): Promise<number> {
  let resealed = 0;
  for (const row of await listAccountSecretRows(db)) {
    if (!hasPlaintextSecretSettings(row)) continue;
    const sealed = sealAccountSecretSettings(plainSettingsOf(row.settings), openAccountSecretSettings(row, secretBox), secretBox);
    // Only this row's plaintext shape is replaced: a concurrent edit that sealed it already wins.
    const changed = await db
      .updateTable('accounts')
      .set({ settings: sealed.settings, proxy_url: sealed.proxy_url })
      .where('id', '=', row.id)
      .where('settings', '=', row.settings)
      .executeTakeFirst();
    resealed += Number(changed.numUpdatedRows);
  }
  return resealed;
}
