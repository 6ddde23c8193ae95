import { z } from 'zod';
import type { Balance } from '../providers/provider-adapter.js';
import type { AccountCredentials, AccountProviderSettings } from '../providers/upstream-account.js';

/** Lenient readers for the JSON columns of `accounts`: a damaged value degrades, never throws. */

const credentialsSchema = z
  .object({
    api_key: z.string().optional(),
    refresh_token: z.string().optional(),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
    access_token: z.string().optional(),
    access_token_expires_at: z.number().optional(),
  })
  .loose();

const providerSettingsSchema = z
  .object({
    region: z.string().optional().catch(undefined),
    auth_region: z.string().optional().catch(undefined),
    auth_method: z.enum(['social', 'idc', 'api_key']).optional().catch(undefined),
    idc_kind: z.enum(['builder_id', 'enterprise']).optional().catch(undefined),
    profile_arn: z.string().optional().catch(undefined),
    headers: z.record(z.string(), z.string()).optional().catch(undefined),
    supports_responses: z.boolean().optional().catch(undefined),
  })
  .loose();

const balanceSchema = z
  .object({
    remaining: z.number().nullable(),
    limit: z.number().nullable().optional(),
    used: z.number().nullable().optional(),
    unit: z.string(),
    resetAt: z.number().nullable().optional(),
    plan: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    raw: z.string().optional(),
    source: z.enum(['upstream', 'ledger']),
    checkedAt: z.number(),
  })
  .loose();

function parseJson(value: string | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Decrypted credential JSON; throws when it is not an object (a wrong SECRET_KEY shows up earlier, in open()). */
export function parseStoredCredentials(plaintext: string): AccountCredentials {
  const { api_key, refresh_token, client_id, client_secret, access_token, access_token_expires_at } = credentialsSchema.parse(
    JSON.parse(plaintext),
  );
  return dropUndefined({ api_key, refresh_token, client_id, client_secret, access_token, access_token_expires_at });
}

export function parseStoredProviderSettings(value: string): AccountProviderSettings {
  const parsed = providerSettingsSchema.safeParse(parseJson(value));
  if (!parsed.success) return {};
  const { region, auth_region, auth_method, idc_kind, profile_arn, headers, supports_responses } = parsed.data;
  return dropUndefined({ region, auth_region, auth_method, idc_kind, profile_arn, headers, supports_responses });
}

export function parseStoredBalance(value: string | null): Balance | null {
  const parsed = balanceSchema.safeParse(parseJson(value));
  return parsed.success ? (parsed.data as Balance) : null;
}

export function parseStoredModels(value: string | null): string[] | null {
  const parsed = z.array(z.string()).safeParse(parseJson(value));
  return parsed.success ? parsed.data : null;
}

export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
