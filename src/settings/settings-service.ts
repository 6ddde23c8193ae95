import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import { InvalidRequestError } from '../core/errors/invalid-request-error.js';
import { invalidRequestFromZod } from '../core/errors/invalid-request-from-zod.js';
import type { ChangeBus } from '../store/change-bus.js';
import { listSettingRows, upsertSettingRows } from '../store/repositories/settings-repository.js';
import type { Database } from '../store/schema.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { defaultSettings, settingsSchema, type Settings } from './settings-schema.js';
import { openWebhookSecrets, sealWebhookSecrets } from './stored-webhook-secrets.js';

/** Runtime settings, cached in memory; every instance reloads on a 'settings' change. */
export interface SettingsService {
  /** The effective settings, synchronous and cheap: safe on the hot path. */
  get(): Settings;
  /** Merges top-level fields, validates the whole result, persists it and tells every instance. */
  update(patch: unknown): Promise<Settings>;
  reload(): Promise<void>;
  close(): void;
}

const settingFields = settingsSchema.shape as Record<string, z.ZodType>;

/** Validates each given top-level field on its own, so the error names it and absent fields stay untouched. */
function parseSettingsPatch(patch: unknown): Record<string, unknown> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new InvalidRequestError('The body must be a JSON object.');
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const fieldSchema = settingFields[key];
    if (!fieldSchema) throw new InvalidRequestError(`${key}: unknown setting`, { field: key });
    const parsed = fieldSchema.safeParse(value);
    if (!parsed.success) throw invalidRequestFromZod(parsed.error, key);
    changes[key] = parsed.data;
  }
  return changes;
}

/** How a top-level value is stored: webhook secrets sealed, everything else as JSON. */
const storedValue = (key: string, value: unknown, secretBox: SecretBox): string =>
  JSON.stringify(key === 'webhooks' ? sealWebhookSecrets(value, secretBox) : value);

export async function createSettingsService(options: {
  db: Kysely<Database>;
  bus: ChangeBus;
  logger: Logger;
  secretBox: SecretBox;
}): Promise<SettingsService> {
  const read = () => readSettings(options.db, options.logger, options.secretBox);
  let { settings: current, plaintextSecrets } = await read();
  if (plaintextSecrets) {
    // Written by an older version: seal the webhook secrets now (idempotent; the key is only known at run time).
    await upsertSettingRows(options.db, [{ key: 'webhooks', value: storedValue('webhooks', current.webhooks, options.secretBox) }], Date.now());
    options.logger.info('webhook secrets sealed at rest');
  }
  const reload = async () => {
    current = (await read()).settings;
  };
  const unsubscribe = options.bus.subscribe('settings', () =>
    reload().catch((error: unknown) => options.logger.error({ err: error }, 'settings reload failed')),
  );
  return {
    get: () => current,
    async update(patch) {
      const changes = parseSettingsPatch(patch);
      const merged = settingsSchema.safeParse({ ...current, ...changes });
      if (!merged.success) throw invalidRequestFromZod(merged.error);
      const next = merged.data;
      const rows = Object.keys(changes).map((key) => ({ key, value: storedValue(key, (next as Record<string, unknown>)[key], options.secretBox) }));
      await upsertSettingRows(options.db, rows, Date.now());
      current = next;
      await options.bus.publish('settings');
      return current;
    },
    reload,
    close: unsubscribe,
  };
}

/** Stored rows over defaults. A stored value that no longer validates falls back to its default, logged. */
async function readSettings(
  db: Kysely<Database>,
  logger: Logger,
  secretBox: SecretBox,
): Promise<{ settings: Settings; plaintextSecrets: boolean }> {
  const rows = await listSettingRows(db);
  const settings: Record<string, unknown> = { ...defaultSettings() };
  let plaintextSecrets = false;
  for (const row of rows) {
    const fieldSchema = settingFields[row.key];
    if (!fieldSchema) continue;
    try {
      let value: unknown = JSON.parse(row.value);
      if (row.key === 'webhooks') {
        const opened = openWebhookSecrets(value, secretBox);
        value = opened.webhooks;
        plaintextSecrets = opened.plaintext;
      }
      const parsed = fieldSchema.safeParse(value);
      if (parsed.success) settings[row.key] = parsed.data;
      else logger.warn({ key: row.key }, 'stored setting is invalid; using the default');
    } catch {
      logger.warn({ key: row.key }, 'stored setting is not JSON (or its secret cannot be opened); using the default');
    }
  }
  return { settings: settingsSchema.parse(settings), plaintextSecrets };
}
