import type { Balance } from '../provider-adapter.js';

const ansiPattern = /\u001b\[[0-9;]*[A-Za-z]/g;
const money = (text: string): number => Number(text.replace(/,/g, ''));

const patterns = {
  signedIn: /Signed in as\s+(\S+@[^\s()]+)/i,
  freeDollars: /Amp Free:\s*\$([\d,]+(?:\.\d+)?)\s*\/\s*\$([\d,]+(?:\.\d+)?)\s+remaining/i,
  freePercent: /Amp Free:\s*(\d+(?:\.\d+)?)%\s+remaining/i,
  individual: /Individual credits:\s*\$([\d,]+(?:\.\d+)?)\s+remaining/i,
  workspace: /Workspace\s+(.+?):\s*\$([\d,]+(?:\.\d+)?)\s+remaining/gi,
  paidTier: /Amp\s+(.+?)\s+Tier:\s*agent usage\s+\$([\d,]+(?:\.\d+)?)\s+of\s+\$([\d,]+(?:\.\d+)?)\s+remaining/i,
  subscription: /Subscription\s+(.+?):\s*(\d+(?:\.\d+)?)%\s+other usage/i,
} as const;

/**
 * Parses Amp's `userDisplayBalanceInfo` display text, line by line with tolerant patterns (the
 * format has changed over time). Dollar balances (Amp Free, individual credits, workspaces, paid
 * tier agent usage) are summed as USD; with only a percentage known, the unit is 'percent'.
 * The cleaned text is kept in `raw` for display.
 */
export function parseAmpBalance(displayText: string, now = Date.now()): Balance {
  const text = displayText.replace(ansiPattern, '').replace(/\*\*/g, '');
  let remaining: number | null = null;
  let limit: number | null = null;
  let plan: string | null = null;
  const add = (value: number) => void (remaining = (remaining ?? 0) + value);

  const freeDollars = patterns.freeDollars.exec(text);
  if (freeDollars?.[1] && freeDollars[2]) {
    add(money(freeDollars[1]));
    limit = money(freeDollars[2]);
    plan = 'Amp Free';
  }
  const individual = patterns.individual.exec(text);
  if (individual?.[1]) {
    add(money(individual[1]));
    plan ??= 'Individual credits';
  }
  for (const workspace of text.matchAll(patterns.workspace)) {
    if (workspace[2]) add(money(workspace[2]));
    plan ??= `Workspace ${workspace[1] ?? ''}`.trim();
  }
  const paidTier = patterns.paidTier.exec(text);
  if (paidTier?.[2] && paidTier[3]) {
    add(money(paidTier[2]));
    limit = (limit ?? 0) + money(paidTier[3]);
    plan = `Amp ${paidTier[1] ?? ''} Tier`;
  }
  let unit = 'USD';
  if (remaining === null) {
    const freePercent = patterns.freePercent.exec(text);
    const subscription = patterns.subscription.exec(text);
    if (freePercent?.[1]) {
      remaining = Number(freePercent[1]);
      plan = 'Amp Free';
    } else if (subscription?.[2]) {
      remaining = Number(subscription[2]);
      plan = `Subscription ${subscription[1] ?? ''}`.trim();
    }
    if (remaining !== null) {
      limit = 100;
      unit = 'percent';
    }
  }
  return {
    remaining: remaining === null ? null : Math.round(remaining * 100) / 100,
    limit,
    unit,
    plan,
    email: patterns.signedIn.exec(text)?.[1] ?? null,
    raw: text.trim(),
    source: 'upstream',
    checkedAt: now,
  };
}
