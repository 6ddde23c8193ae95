import type { AccountInputDto } from '../../api/api-types';

/** Every provider the server's account input takes (from the generated contract). */
type ServerProvider = NonNullable<AccountInputDto['provider']>;

export const providerNames = ['amazonq', 'kiro', 'anthropic', 'openai', 'openai-compatible', 'amp', 'gemini'] as const satisfies readonly ServerProvider[];
export type ProviderName = (typeof providerNames)[number];

/** Fails to compile when the server adds a provider this UI does not offer yet. */
export const everyServerProviderListed: [Exclude<ServerProvider, ProviderName>] extends [never] ? true : never = true;

export const isProviderName = (value: string): value is ProviderName => (providerNames as readonly string[]).includes(value);
