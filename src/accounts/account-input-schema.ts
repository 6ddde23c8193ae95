import { z } from '@hono/zod-openapi';
import { providerNames } from '../providers/provider-name.js';
import { upstreamHeadersSchema } from './upstream-headers-schema.js';

const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);
const proxyUrl = z
  .url({ protocol: /^(https?|socks5h?|socks4a?)$/, error: 'must be an http://, https:// or socks5:// URL' })
  .max(2000);
const secret = z.string().trim().min(1).max(20_000);
const optionalText = z.string().trim().min(1).max(2000).nullish();

/** Fields every provider takes. Nullable fields accept null to clear them on PATCH. */
const commonFields = {
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().optional(),
  base_url: httpUrl.nullish(),
  requests_per_minute: z.number().int().positive().nullish(),
  max_concurrency: z.number().int().positive().nullish(),
  weight: z.number().int().min(1).max(1000).optional(),
  priority: z.number().int().min(-1000).max(1000).optional(),
  proxy_url: proxyUrl.nullish(),
  user_agent: optionalText,
  models: z.array(z.string().trim().min(1).max(200)).max(500).nullish(),
  initial_balance: z.number().nonnegative().nullish(),
  balance_threshold: z.number().nonnegative().nullish(),
  headers: upstreamHeadersSchema.nullish(),
};

const region = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as us-east-1')
  .nullish();

export const amazonqAccountSchema = z
  .object({
    ...commonFields,
    provider: z.literal('amazonq'),
    refresh_token: secret,
    client_id: secret,
    client_secret: secret,
    region,
    auth_url: httpUrl.nullish(),
  })
  .strict();

export const kiroAccountSchema = z
  .object({
    ...commonFields,
    provider: z.literal('kiro'),
    refresh_token: secret,
    auth_method: z.enum(['social', 'idc']).default('social'),
    client_id: secret.nullish(),
    client_secret: secret.nullish(),
    profile_arn: optionalText,
    region,
    auth_url: httpUrl.nullish(),
  })
  .strict();

const apiKeyAccount = <Provider extends 'anthropic' | 'openai' | 'amp' | 'gemini'>(provider: Provider) =>
  z.object({ ...commonFields, provider: z.literal(provider), api_key: secret }).strict();

export const anthropicAccountSchema = apiKeyAccount('anthropic');
export const openaiAccountSchema = apiKeyAccount('openai');
export const ampAccountSchema = apiKeyAccount('amp');
export const geminiAccountSchema = apiKeyAccount('gemini');
export const openaiCompatibleAccountSchema = z
  .object({ ...commonFields, provider: z.literal('openai-compatible'), api_key: secret, base_url: httpUrl })
  .strict();

const accountUnion = z
  .discriminatedUnion('provider', [
    amazonqAccountSchema,
    kiroAccountSchema,
    anthropicAccountSchema,
    openaiAccountSchema,
    openaiCompatibleAccountSchema,
    ampAccountSchema,
    geminiAccountSchema,
  ])
  .superRefine((account, context) => {
    if (account.provider !== 'kiro' || account.auth_method !== 'idc') return;
    for (const field of ['client_id', 'client_secret'] as const) {
      if (!account[field]) context.addIssue({ code: 'custom', path: [field], message: 'is required when auth_method is idc' });
    }
  });

/**
 * A new account. `provider` defaults to `amazonq`, so the original example with only
 * refresh_token, client_id and client_secret works as written.
 */
export const accountInputSchema = z
  .preprocess((value) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !('provider' in value)) {
      return { ...value, provider: 'amazonq' };
    }
    return value;
  }, accountUnion)
  .openapi('AccountInput');

export type AccountInput = z.infer<typeof accountUnion>;

/** Which credential fields each provider keeps in the encrypted envelope. */
export const secretFields = ['api_key', 'refresh_token', 'client_id', 'client_secret'] as const;
export type SecretField = (typeof secretFields)[number];

/** Any subset of account fields; validated as a whole after merging onto the stored account. */
export const accountPatchSchema = z
  .record(z.string(), z.unknown())
  .openapi('AccountPatch', {
    description: 'Any account fields to change (credentials included; they are re-encrypted). The provider cannot change.',
  });

export const providerSchema = z.enum(providerNames);
