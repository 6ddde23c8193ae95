import { z } from 'zod';
import type { Balance } from '../provider-adapter.js';

/** Amounts arrive as numbers or decimal strings (DeepSeek, SiliconFlow). */
const amount = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

const openRouterCreditsSchema = z.object({ data: z.object({ total_credits: amount, total_usage: amount }).loose() }).loose();
const openRouterKeySchema = z
  .object({ data: z.object({ limit: amount.nullish(), limit_remaining: amount.nullish(), usage: amount.nullish() }).loose() })
  .loose();
const deepSeekSchema = z
  .object({ balance_infos: z.array(z.object({ currency: z.string(), total_balance: amount }).loose()) })
  .loose();
const moonshotSchema = z.object({ data: z.object({ available_balance: amount }).loose() }).loose();
const siliconFlowSchema = z.object({ data: z.object({ totalBalance: amount }).loose() }).loose();

const upstream = (balance: Omit<Balance, 'source' | 'checkedAt'>, now: number): Balance => ({ ...balance, source: 'upstream', checkedAt: now });

/** OpenRouter `GET /api/v1/credits`: remaining = total_credits − total_usage. */
export function parseOpenRouterCredits(json: unknown, now = Date.now()): Balance | null {
  const parsed = openRouterCreditsSchema.safeParse(json);
  if (!parsed.success) return null;
  const { total_credits: limit, total_usage: used } = parsed.data.data;
  return upstream({ remaining: Math.round((limit - used) * 1e6) / 1e6, limit, used, unit: 'USD' }, now);
}

/** OpenRouter `GET /api/v1/key`: the key's own limit, null when it has none. */
export function parseOpenRouterKey(json: unknown, now = Date.now()): Balance | null {
  const parsed = openRouterKeySchema.safeParse(json);
  if (!parsed.success) return null;
  const { limit, limit_remaining: remaining, usage } = parsed.data.data;
  return upstream({ remaining: remaining ?? null, limit: limit ?? null, used: usage ?? null, unit: 'USD' }, now);
}

/** DeepSeek `GET /user/balance`: the USD entry when present, else the first currency. */
export function parseDeepSeekBalance(json: unknown, now = Date.now()): Balance | null {
  const parsed = deepSeekSchema.safeParse(json);
  if (!parsed.success) return null;
  const infos = parsed.data.balance_infos;
  const info = infos.find((item) => item.currency === 'USD') ?? infos[0];
  if (!info) return null;
  return upstream({ remaining: info.total_balance, unit: info.currency }, now);
}

/** Moonshot `GET /v1/users/me/balance`: CNY on api.moonshot.cn, USD on api.moonshot.ai. */
export function parseMoonshotBalance(json: unknown, unit: string, now = Date.now()): Balance | null {
  const parsed = moonshotSchema.safeParse(json);
  if (!parsed.success) return null;
  return upstream({ remaining: parsed.data.data.available_balance, unit }, now);
}

/** SiliconFlow `GET /v1/user/info`: totalBalance (gift + paid), CNY. */
export function parseSiliconFlowBalance(json: unknown, now = Date.now()): Balance | null {
  const parsed = siliconFlowSchema.safeParse(json);
  if (!parsed.success) return null;
  return upstream({ remaining: parsed.data.data.totalBalance, unit: 'CNY' }, now);
}
