/**
 * The groupings stored for every bucket. Each is a separate set of rows so that its p95 latency is
 * exact; a dimension column holds '*' when the grouping aggregates over it, '' when the value was null.
 */
export const rollupDimensions = ['none', 'key', 'model', 'provider', 'account'] as const;
export type RollupDimension = (typeof rollupDimensions)[number];

export const allValues = '*';
export const noValue = '';

export interface DimensionColumns {
  apiKeyId: string;
  accountId: string;
  provider: string;
  model: string;
}

/** SQL expressions (over request_logs) that produce the four dimension columns of a grouping. */
export function dimensionExpressions(dimension: RollupDimension): DimensionColumns {
  const all = `'${allValues}'`;
  const none: DimensionColumns = { apiKeyId: all, accountId: all, provider: all, model: all };
  switch (dimension) {
    case 'none':
      return none;
    case 'key':
      return { ...none, apiKeyId: 'api_key_id' };
    case 'model':
      return { ...none, model: 'requested_model' };
    case 'provider':
      return { ...none, provider: `coalesce(provider, '${noValue}')` };
    case 'account':
      return { ...none, accountId: `coalesce(account_id, '${noValue}')`, provider: `coalesce(provider, '${noValue}')` };
    default: {
      const unreachable: never = dimension;
      throw new Error(`Unknown roll-up dimension ${String(unreachable)}`);
    }
  }
}

/** Which stored rows belong to a grouping: '*' in exactly the columns it aggregates over. */
export function dimensionFilter(dimension: RollupDimension): Record<keyof DimensionColumns, 'all' | 'value'> {
  const expressions = dimensionExpressions(dimension);
  const kind = (expression: string) => (expression === `'${allValues}'` ? 'all' : 'value');
  return {
    apiKeyId: kind(expressions.apiKeyId),
    accountId: kind(expressions.accountId),
    provider: kind(expressions.provider),
    model: kind(expressions.model),
  };
}
