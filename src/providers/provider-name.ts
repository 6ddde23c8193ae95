export const providerNames = ['amazonq', 'kiro', 'anthropic', 'openai', 'openai-compatible', 'amp', 'gemini'] as const;
export type ProviderName = (typeof providerNames)[number];
