/**
 * The per-account rules of the fake Amazon Q / Kiro service (§8 of the protocol notes): Kiro API keys,
 * Enterprise (IAM Identity Center) logins that need their own profile ARN, per-account model lists
 * with the real ListAvailableModels shape, and the thinking-mode tags a request carries.
 */

/** Token limits of the 2026 model ids (§8.4; `auto` and the 4.6+ ids are 1M, the rest 200k). */
const knownModels: Record<string, { name: string; maxInputTokens: number; rateMultiplier: number }> = {
  auto: { name: 'Auto', maxInputTokens: 1_000_000, rateMultiplier: 1 },
  'claude-sonnet-4.6': { name: 'Claude Sonnet 4.6', maxInputTokens: 1_000_000, rateMultiplier: 1.3 },
  'claude-sonnet-4.5': { name: 'Claude Sonnet 4.5', maxInputTokens: 200_000, rateMultiplier: 1.3 },
  'claude-sonnet-4.5-1m': { name: 'Claude Sonnet 4.5 (1M)', maxInputTokens: 1_000_000, rateMultiplier: 1.3 },
  'claude-haiku-4.5': { name: 'Claude Haiku 4.5', maxInputTokens: 200_000, rateMultiplier: 0.4 },
  'claude-opus-4.5': { name: 'Claude Opus 4.5', maxInputTokens: 200_000, rateMultiplier: 2.2 },
  'claude-opus-4.6': { name: 'Claude Opus 4.6', maxInputTokens: 1_000_000, rateMultiplier: 2.2 },
  'claude-opus-4.7': { name: 'Claude Opus 4.7', maxInputTokens: 1_000_000, rateMultiplier: 2.2 },
};

/** What a paid account lists in 2026. */
export const defaultFakeModels = ['auto', 'claude-sonnet-4.6', 'claude-sonnet-4.5', 'claude-haiku-4.5', 'claude-opus-4.5', 'claude-opus-4.6', 'claude-opus-4.7'];

/** The ListAvailableModels answer for a list of ids, in the shape of a real capture (kirodotdev/Kiro #7333). */
export function listModelsAnswer(modelIds: readonly string[]): unknown {
  const describe = (modelId: string) => {
    const known = knownModels[modelId] ?? { name: modelId, maxInputTokens: 200_000, rateMultiplier: 1 };
    return {
      modelId,
      modelName: known.name,
      description: known.name,
      rateMultiplier: known.rateMultiplier,
      rateUnit: 'Credit',
      supportedInputTypes: ['TEXT', 'IMAGE'],
      promptCaching: { supportsPromptCaching: true, maximumCacheCheckpointsPerRequest: 4, minimumTokensPerCacheCheckpoint: 1024 },
      tokenLimits: { maxInputTokens: known.maxInputTokens, maxOutputTokens: 64_000 },
    };
  };
  return { models: modelIds.map(describe), defaultModel: describe(modelIds[0] ?? 'auto') };
}

/** Ids shaped like the service's own; the fake lets other (test-only) names through unchecked. */
export const isServiceModelId = (modelId: string): boolean => /^(auto|claude-(sonnet|opus|haiku)-\d+(\.\d+)?(-1m)?)$/.test(modelId);

export interface FakeAccountRules {
  /** Refresh tokens of Enterprise logins → the profile ARN their tokens need (and ListAvailableProfiles lists). */
  enterprise: Map<string, string>;
  /** Bearer tokens (access tokens or API keys), or the refresh tokens that issued them, → their own model list. */
  modelsByCredential: Map<string, string[]>;
  /** Kiro API keys that were revoked (any other `ksk_…` key is valid). */
  revokedApiKeys: Set<string>;
}

export type FakeDenial = { status: number; errorType: string; message: string; reason: string | null };

const bearerInvalid: FakeDenial = { status: 403, errorType: 'AccessDeniedException', message: 'The bearer token included in the request is invalid.', reason: null };

/**
 * Checks a bearer token against the key rules: a `ksk_…` key needs `tokentype: API_KEY` (and the header
 * needs a key); a revoked key is refused like an invalid bearer token.
 */
export function checkApiKey(rules: FakeAccountRules, token: string, tokenType: string | undefined): FakeDenial | undefined {
  const isKey = token.startsWith('ksk_');
  const saysKey = tokenType?.toUpperCase() === 'API_KEY';
  if (isKey !== saysKey) return bearerInvalid;
  if (isKey && rules.revokedApiKeys.has(token)) return bearerInvalid;
  return undefined;
}

/**
 * The profile ARN rules of an Enterprise token (§8.2): chat without an ARN → 400 "profileArn is
 * required"; usage/models without → 403 "User is not authorized to make this call."; any other ARN
 * (a placeholder or a borrowed one) → 403 "bearer token … invalid".
 */
export function checkProfileArn(requiredArn: string | undefined, sentArn: string | undefined, kind: 'chat' | 'usage'): FakeDenial | undefined {
  if (requiredArn === undefined) return undefined;
  if (!sentArn) {
    return kind === 'chat'
      ? { status: 400, errorType: 'ValidationException', message: 'profileArn is required for this request.', reason: null }
      : { status: 403, errorType: 'AccessDeniedException', message: 'User is not authorized to make this call.', reason: null };
  }
  return sentArn === requiredArn ? undefined : bearerInvalid;
}

export function checkModel(allowed: readonly string[], modelId: unknown): FakeDenial | undefined {
  if (typeof modelId !== 'string' || !isServiceModelId(modelId) || allowed.includes(modelId)) return undefined;
  return { status: 400, errorType: 'ValidationException', message: 'Invalid model. Please select a different model to continue.', reason: 'INVALID_MODEL_ID' };
}

export interface FakeThinkingRequest {
  mode: 'enabled' | 'adaptive';
  budget?: number;
  effort?: string;
}

const thinkingPattern =
  /^<thinking_mode>(enabled|adaptive)<\/thinking_mode>(?:<max_thinking_length>(\d+)<\/max_thinking_length>|<thinking_effort>([a-z]+)<\/thinking_effort>)/;
const efforts = new Set(['low', 'medium', 'high', 'max', 'xhigh']);

/** The thinking tags at the start of the first user text (where the system prompt goes), if any. */
export function readThinkingTags(body: unknown): FakeThinkingRequest | undefined | 'malformed' {
  const state = (body as { conversationState?: { history?: unknown[]; currentMessage?: unknown } } | undefined)?.conversationState;
  const first = (state?.history?.[0] ?? state?.currentMessage) as { userInputMessage?: { content?: unknown } } | undefined;
  const content = first?.userInputMessage?.content;
  if (typeof content !== 'string' || !content.startsWith('<thinking_mode>')) return undefined;
  const match = thinkingPattern.exec(content);
  if (!match) return 'malformed';
  const [, mode, budget, effort] = match;
  if (effort !== undefined && !efforts.has(effort)) return 'malformed';
  if (mode === 'adaptive' && effort === undefined) return 'malformed';
  if (mode === 'enabled' && budget === undefined) return 'malformed';
  return { mode: mode as 'enabled' | 'adaptive', ...(budget ? { budget: Number(budget) } : {}), ...(effort ? { effort } : {}) };
}
