import type { AccountRecord } from '../accounts/account-record.js';
import type { ChatRequest } from '../core/chat-request.js';
import type { ProviderAdapter, ProviderCallContext } from '../providers/provider-adapter.js';
import type { ProviderName } from '../providers/provider-name.js';

/** The cheapest model to say one word with, per provider, when the account names none. */
const probeModels: Record<ProviderName, string> = {
  amazonq: 'claude-haiku-4.5',
  kiro: 'claude-haiku-4.5',
  anthropic: 'claude-haiku-4-5',
  openai: 'gpt-4o-mini',
  'openai-compatible': 'gpt-4o-mini',
  amp: 'claude-haiku-4-5',
  gemini: 'gemini-2.5-flash-lite',
};

/**
 * Checks that an account works, as cheaply as its provider allows: its balance endpoint, else its
 * model list, else a one-token answer. Throws the adapter's typed error when it does not.
 */
export async function probeAccount(adapter: ProviderAdapter, account: AccountRecord, context: ProviderCallContext): Promise<string> {
  if (adapter.fetchBalance) {
    const balance = await adapter.fetchBalance(account.upstream, context);
    if (balance) return `balance read: ${balance.remaining ?? '?'} ${balance.unit}`;
  }
  if (adapter.listModels) {
    const models = await adapter.listModels(account.upstream, context);
    return `${models.length} models listed`;
  }
  const model = account.models?.find((pattern) => !pattern.includes('*')) ?? probeModels[account.provider];
  const request: ChatRequest = {
    model,
    system: [],
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Reply with the word ok.' }] }],
    tools: [],
    maxOutputTokens: 1,
    stream: true,
  };
  for await (const event of adapter.stream(request, model, account.upstream, context)) {
    if (event.type === 'error') throw event.error;
  }
  return `answered with ${model}`;
}
