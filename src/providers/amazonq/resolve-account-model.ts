import { ModelUnavailableError } from '../../core/errors/model-unavailable-error.js';
import type { AmazonQModelTable } from './account-model-tables.js';
import { amazonQContextWindow, mapAmazonQModelId } from './map-amazonq-model-id.js';

export interface ResolvedAmazonQModel {
  modelId: string;
  /** Input window in tokens: the account's own `maxInputTokens` when listed, else the known default. */
  contextWindow: number;
}

const oneMillionSuffix = /(?:\[1m\]|-1m)$/i;
/** Ids of the service's own shape; anything else (an operator's custom id) goes out unchecked and the upstream decides. */
const serviceModelId = /^(auto|claude-(sonnet|opus|haiku)-\d+(\.\d+)?(-1m)?)$/;

/**
 * The Q model id for a requested model on one account. Anthropic-style ids fold to Q's dotted ids
 * (`claude-opus-4-6` → `claude-opus-4.6`, dates and `-thinking` dropped); a `[1m]` / `-1m` request
 * takes the account's `-1m` SKU when it lists one. When the account's model list is known and lacks
 * the model, the account may not use it: ModelUnavailableError, so another account serves it.
 */
export function resolveAccountModel(requested: string, table: AmazonQModelTable | undefined): ResolvedAmazonQModel {
  const wantsLargeContext = oneMillionSuffix.test(requested.trim());
  const modelId = mapAmazonQModelId(requested.trim().replace(oneMillionSuffix, ''));
  const largeSku = `${modelId}-1m`;
  const chosen = wantsLargeContext && table?.has(largeSku) ? largeSku : modelId;
  if (table && table.size > 0 && !table.has(chosen) && serviceModelId.test(chosen)) {
    throw new ModelUnavailableError(`This account cannot use the model ${chosen}; it lists ${[...table.keys()].join(', ')}.`, {
      model: requested,
      upstreamCode: 'INVALID_MODEL_ID',
    });
  }
  return { modelId: chosen, contextWindow: table?.get(chosen)?.maxInputTokens ?? (chosen.endsWith('-1m') ? 1_000_000 : amazonQContextWindow(chosen)) };
}
