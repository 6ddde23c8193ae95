import type { ModelPrice } from '../../settings/settings-schema.js';

/**
 * Built-in list prices in USD per million tokens, keyed by normalised model name (lower case, dots and
 * underscores between parts written as dashes). A key also matches every longer name that starts with it
 * (dated snapshots such as `claude-sonnet-4-5-20250929`), the longest key winning.
 *
 * Sources (list prices as published on the vendors' pricing pages, checked 2025–2026):
 * - Anthropic: https://docs.anthropic.com/en/docs/about-claude/pricing (cache write 1.25× input for
 *   5-minute writes, cache read 0.1× input; derived in `resolveModelPrice` when not listed here).
 * - OpenAI: https://platform.openai.com/docs/pricing (cached input is the "cached input" column;
 *   OpenAI does not charge for cache writes, so they cost the input price).
 * - Google: https://ai.google.dev/gemini-api/docs/pricing (prompts up to 200k tokens).
 * - DeepSeek: https://api-docs.deepseek.com/quick_start/pricing (cache hit = cache read).
 * - Alibaba Cloud Model Studio (international): https://www.alibabacloud.com/help/en/model-studio/models
 *   (lowest input-length tier).
 * Operators override or add prices by exact model name in `settings.prices`.
 */
export const builtInPrices: Readonly<Record<string, ModelPrice>> = {
  // Anthropic Claude
  'claude-opus-4-6': { input: 5, output: 25 },
  'claude-opus-4-5': { input: 5, output: 25 },
  'claude-opus-4-1': { input: 15, output: 75 },
  'claude-opus-4': { input: 15, output: 75 },
  'claude-sonnet-4-6': { input: 3, output: 15 },
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'claude-sonnet-4': { input: 3, output: 15 },
  'claude-haiku-4-5': { input: 1, output: 5 },
  'claude-3-7-sonnet': { input: 3, output: 15 },
  'claude-3-5-sonnet': { input: 3, output: 15 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
  'claude-3-opus': { input: 15, output: 75 },
  'claude-3-sonnet': { input: 3, output: 15 },
  'claude-3-haiku': { input: 0.25, output: 1.25, cache_write: 0.3, cache_read: 0.03 },

  // OpenAI
  'gpt-4o': { input: 2.5, output: 10, cache_read: 1.25, cache_write: 2.5 },
  'gpt-4o-mini': { input: 0.15, output: 0.6, cache_read: 0.075, cache_write: 0.15 },
  'gpt-4-1': { input: 2, output: 8, cache_read: 0.5, cache_write: 2 },
  'gpt-4-1-mini': { input: 0.4, output: 1.6, cache_read: 0.1, cache_write: 0.4 },
  'gpt-4-1-nano': { input: 0.1, output: 0.4, cache_read: 0.025, cache_write: 0.1 },
  'gpt-5': { input: 1.25, output: 10, cache_read: 0.125, cache_write: 1.25 },
  'gpt-5-mini': { input: 0.25, output: 2, cache_read: 0.025, cache_write: 0.25 },
  'gpt-5-nano': { input: 0.05, output: 0.4, cache_read: 0.005, cache_write: 0.05 },
  'gpt-5-pro': { input: 15, output: 120, cache_read: 15, cache_write: 15 },
  'gpt-5-1': { input: 1.25, output: 10, cache_read: 0.125, cache_write: 1.25 },
  'gpt-5-2': { input: 1.75, output: 14, cache_read: 0.175, cache_write: 1.75 },
  'gpt-5-4': { input: 2.5, output: 15, cache_read: 0.25, cache_write: 2.5 },
  o3: { input: 2, output: 8, cache_read: 0.5, cache_write: 2 },
  'o3-mini': { input: 1.1, output: 4.4, cache_read: 0.55, cache_write: 1.1 },
  'o4-mini': { input: 1.1, output: 4.4, cache_read: 0.275, cache_write: 1.1 },
  o1: { input: 15, output: 60, cache_read: 7.5, cache_write: 15 },
  // Legacy completions and embeddings (embeddings bill input tokens only).
  'gpt-3-5-turbo-instruct': { input: 1.5, output: 2 },
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
  'text-embedding-ada-002': { input: 0.1, output: 0 },

  // Google Gemini
  'gemini-3-pro': { input: 2, output: 12, cache_read: 0.2, cache_write: 2 },
  'gemini-3-flash': { input: 0.5, output: 3, cache_read: 0.05, cache_write: 0.5 },
  'gemini-2-5-pro': { input: 1.25, output: 10, cache_read: 0.125, cache_write: 1.25 },
  'gemini-2-5-flash': { input: 0.3, output: 2.5, cache_read: 0.03, cache_write: 0.3 },
  'gemini-2-5-flash-lite': { input: 0.1, output: 0.4, cache_read: 0.01, cache_write: 0.1 },
  'gemini-2-0-flash': { input: 0.1, output: 0.4, cache_read: 0.025, cache_write: 0.1 },
  'gemini-2-0-flash-lite': { input: 0.075, output: 0.3 },

  // DeepSeek (V3.2 pricing, the same for both endpoints)
  'deepseek-chat': { input: 0.28, output: 0.42, cache_read: 0.028, cache_write: 0.28 },
  'deepseek-reasoner': { input: 0.28, output: 0.42, cache_read: 0.028, cache_write: 0.28 },

  // Alibaba Qwen
  'qwen-max': { input: 1.6, output: 6.4, cache_read: 0.32, cache_write: 1.6 },
  'qwen-plus': { input: 0.4, output: 1.2, cache_read: 0.08, cache_write: 0.4 },
  'qwen-turbo': { input: 0.05, output: 0.2, cache_read: 0.01, cache_write: 0.05 },
  'qwen-flash': { input: 0.05, output: 0.4, cache_read: 0.01, cache_write: 0.05 },
  'qwen3-coder-plus': { input: 1, output: 5, cache_read: 0.1, cache_write: 1 },
  'qwen3-coder-flash': { input: 0.3, output: 1.5, cache_read: 0.03, cache_write: 0.3 },
  'qwen3-max': { input: 1.2, output: 6, cache_read: 0.24, cache_write: 1.2 },
};
