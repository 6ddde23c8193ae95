import { z } from '@hono/zod-openapi';
import { sharedProfileArns } from '../providers/amazonq/profile-arn-of.js';
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

/** `arn:aws:codewhisperer:us-east-1:123456789012:profile/ABCDEF`; a malformed ARN gets a 400 upstream. */
const profileArn = z
  .string()
  .trim()
  .regex(/^arn:aws[a-z-]*:codewhisperer:[a-z]{2}(-[a-z]+)+-\d:\d{12}:profile\/[A-Za-z0-9_-]+$/, 'must be a CodeWhisperer profile ARN (arn:aws:codewhisperer:<region>:<account>:profile/<id>)')
  .nullish();

/** Builder ID / IAM Identity Center; an `enterprise` account needs its own profile ARN (learnt when not given). */
const idcKind = z.enum(['builder_id', 'enterprise']).nullish();


export const amazonqAccountSchema = z
  .object({
    ...commonFields,
    provider: z.literal('amazonq'),
    refresh_token: secret,
    client_id: secret,
    client_secret: secret,
    idc_kind: idcKind,
    profile_arn: profileArn,
    region,
    auth_region: region,
    auth_url: httpUrl.nullish(),
  })
  .strict();

export const kiroAuthMethods = ['social', 'idc', 'api_key'] as const;

export const kiroAccountSchema = z
  .object({
    ...commonFields,
    provider: z.literal('kiro'),
    auth_method: z.enum(kiroAuthMethods).default('social'),
    refresh_token: secret.nullish(),
    /** A Kiro API key (`ksk_…`) when auth_method is api_key. */
    api_key: secret.nullish(),
    client_id: secret.nullish(),
    client_secret: secret.nullish(),
    idc_kind: idcKind,
    profile_arn: profileArn,
    region,
    auth_region: region,
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
  .object({
    ...commonFields,
    provider: z.literal('openai-compatible'),
    api_key: secret,
    base_url: httpUrl,
    /** The server also implements OpenAI's Responses API: Responses clients pass through unchanged. */
    supports_responses: z.boolean().optional(),
  })
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
    if (account.provider !== 'kiro' && account.provider !== 'amazonq') return;
    if (account.idc_kind === 'enterprise' && account.profile_arn && sharedProfileArns.has(account.profile_arn)) {
      context.addIssue({ code: 'custom', path: ['profile_arn'], message: "is a shared placeholder ARN; an Enterprise account needs its own (or none, to look it up)" });
    }
    if (account.provider !== 'kiro') return;
    switch (account.auth_method) {
      case 'api_key':
        if (!account.api_key) context.addIssue({ code: 'custom', path: ['api_key'], message: 'is required when auth_method is api_key' });
        else if (!account.api_key.startsWith('ksk_')) context.addIssue({ code: 'custom', path: ['api_key'], message: 'must be a Kiro API key (ksk_…)' });
        return;
      case 'idc':
        for (const field of ['refresh_token', 'client_id', 'client_secret'] as const) {
          if (!account[field]) context.addIssue({ code: 'custom', path: [field], message: 'is required when auth_method is idc' });
        }
        return;
      case 'social':
        if (!account.refresh_token) context.addIssue({ code: 'custom', path: ['refresh_token'], message: 'is required when auth_method is social' });
        return;
      default: {
        const unreachable: never = account.auth_method;
        throw new Error(`Unknown auth method ${String(unreachable)}`);
      }
    }
  });

/** A Kiro account without `auth_method` that carries only an API key is an API-key account. */
function inferKiroAuthMethod(value: Record<string, unknown>): Record<string, unknown> {
  if (value.provider !== 'kiro' || value.auth_method !== undefined) return value;
  return typeof value.api_key === 'string' && !value.refresh_token ? { ...value, auth_method: 'api_key' } : value;
}

/**
 * A new account. `provider` defaults to `amazonq`, so the original example with only
 * refresh_token, client_id and client_secret works as written.
 */
export const accountInputSchema = z
  .preprocess((value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    return inferKiroAuthMethod('provider' in value ? (value as Record<string, unknown>) : { ...value, provider: 'amazonq' });
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
