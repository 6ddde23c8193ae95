import { z } from 'zod';

/** Optional spend limits per key (enforced by the usage accounting); null clears a limit. */
export const apiKeyBudgetsSchema = z
  .object({
    daily_tokens: z.number().int().nonnegative().nullable().optional(),
    monthly_tokens: z.number().int().nonnegative().nullable().optional(),
    total_tokens: z.number().int().nonnegative().nullable().optional(),
    daily_cost: z.number().nonnegative().nullable().optional(),
    monthly_cost: z.number().nonnegative().nullable().optional(),
    total_cost: z.number().nonnegative().nullable().optional(),
  })
  .strict();

export type ApiKeyBudgets = z.infer<typeof apiKeyBudgetsSchema>;

/** Reads the stored JSON leniently: a damaged value means no budgets, never a crash on the hot path. */
export function parseStoredBudgets(value: string | null): ApiKeyBudgets | null {
  if (value === null) return null;
  try {
    const parsed = apiKeyBudgetsSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
