/** Per-key spend limits as stored in api_keys.budgets (null or absent = no limit). Tokens count every kind. */
export interface KeyBudgets {
  daily_tokens?: number | null;
  monthly_tokens?: number | null;
  total_tokens?: number | null;
  daily_cost?: number | null;
  monthly_cost?: number | null;
  total_cost?: number | null;
}

export type BudgetName = keyof KeyBudgets;
export type BudgetPeriod = 'day' | 'month' | 'total';

export const budgetNames: ReadonlyArray<{ name: BudgetName; period: BudgetPeriod; unit: 'tokens' | 'cost' }> = [
  { name: 'daily_tokens', period: 'day', unit: 'tokens' },
  { name: 'daily_cost', period: 'day', unit: 'cost' },
  { name: 'monthly_tokens', period: 'month', unit: 'tokens' },
  { name: 'monthly_cost', period: 'month', unit: 'cost' },
  { name: 'total_tokens', period: 'total', unit: 'tokens' },
  { name: 'total_cost', period: 'total', unit: 'cost' },
];
