import { describe, expect, it } from 'vitest';
import { accountInputSchema } from './account-input-schema.js';

describe('accountInputSchema: supports_responses', () => {
  const compatible = { name: 'vllm', provider: 'openai-compatible', api_key: 'sk-x', base_url: 'http://127.0.0.1:8000/v1' };

  it('is accepted on openai-compatible accounts, as a boolean', () => {
    expect(accountInputSchema.parse({ ...compatible, supports_responses: true })).toMatchObject({ supports_responses: true });
    expect(accountInputSchema.safeParse({ ...compatible, supports_responses: 'yes' }).success).toBe(false);
  });

  it('is refused on other providers (OpenAI accounts always speak Responses)', () => {
    expect(accountInputSchema.safeParse({ name: 'o', provider: 'openai', api_key: 'sk-x', supports_responses: true }).success).toBe(false);
    expect(accountInputSchema.safeParse({ name: 'a', provider: 'anthropic', api_key: 'sk-x', supports_responses: true }).success).toBe(false);
  });
});
