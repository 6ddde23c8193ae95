import type { AccountRecord } from '../../../accounts/account-record.js';
import type { ProviderName } from '../../../providers/provider-name.js';

/** What accounts that name no models are assumed to serve, for the model list only. */
const catalog: Record<ProviderName, readonly string[]> = {
  amazonq: ['auto', 'claude-sonnet-4.6', 'claude-sonnet-4.5', 'claude-haiku-4.5', 'claude-opus-4.5', 'claude-opus-4.6'],
  kiro: ['auto', 'claude-sonnet-4.6', 'claude-sonnet-4.5', 'claude-haiku-4.5', 'claude-opus-4.5', 'claude-opus-4.6'],
  anthropic: ['claude-opus-4-5', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1', 'claude-sonnet-4-0'],
  openai: ['gpt-5', 'gpt-5-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini', 'o3', 'o4-mini'],
  'openai-compatible': [],
  amp: ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-5', 'gpt-5'],
  gemini: ['gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-3-pro-preview', 'gemini-3-flash-preview'],
};

export interface ListedModel {
  id: string;
  ownedBy: string;
}

/** What the upstream itself last reported an account may use (its model list), when known. */
export type ReportedModels = (account: AccountRecord) => readonly string[] | undefined;

/** `claude-opus-4.6` → `claude-opus-4-6`, the name Anthropic-style clients ask for. */
const dashedAlias = (name: string): string | undefined => (/^claude-[a-z]+-\d+\.\d+$/.test(name) ? name.replace('.', '-') : undefined);

/**
 * Every model a client can ask for: the names enabled accounts list (patterns left out), else what
 * the upstream reported for the account, else the provider catalogue, plus the model mapping's
 * source names. Dotted Claude ids of Amazon Q / Kiro also appear in Anthropic's dashed form.
 */
export function listModels(accounts: readonly AccountRecord[], mappings: Record<string, string>, reported: ReportedModels = () => undefined): ListedModel[] {
  const models = new Map<string, string>();
  for (const account of accounts) {
    if (!account.enabled) continue;
    const names = account.models && account.models.length > 0 ? account.models : (reported(account) ?? catalog[account.provider]);
    for (const name of names) {
      if (name.includes('*')) continue;
      if (!models.has(name)) models.set(name, account.provider);
      const alias = account.provider === 'amazonq' || account.provider === 'kiro' ? dashedAlias(name) : undefined;
      if (alias && !models.has(alias)) models.set(alias, account.provider);
    }
  }
  for (const name of Object.keys(mappings)) if (!name.includes('*') && !models.has(name)) models.set(name, 'sluice');
  return [...models].map(([id, ownedBy]) => ({ id, ownedBy })).sort((a, b) => a.id.localeCompare(b.id));
}
