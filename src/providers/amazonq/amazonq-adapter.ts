import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { ChatRequest } from '../../core/chat-request.js';
import { withEventBatches } from '../../core/event-batches.js';
import { isGatewayError } from '../../core/errors/gateway-error.js';
import type { CancelSignal } from '../../core/cancel-signal.js';
import { InternalError } from '../../core/errors/internal-error.js';
import { QuotaExhaustedError } from '../../core/errors/quota-exhausted-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { AwsEventStreamDecoder } from '../../streaming/aws-event-stream-decoder.js';
import { countTokens } from '../../tokens/count-tokens.js';
import { enforceStreamContract } from '../http/enforce-stream-contract.js';
import type { Balance, ProviderAdapter, ProviderCallContext } from '../provider-adapter.js';
import type { AccountCredentials, UpstreamAccount } from '../upstream-account.js';
import { AccountModelTables } from './account-model-tables.js';
import { AmazonQEventMapper } from './amazonq-event-mapper.js';
import { amazonQFlavours, type AmazonQFlavour } from './amazonq-flavour.js';
import { buildChatHeaders, refreshUserAgentOf } from './build-request-headers.js';
import { buildAmazonQRequest } from './build-request.js';
import { callWithTokenRetry } from './call-with-token-retry.js';
import { estimateInputTokensByCharacters } from './estimate-tokens.js';
import { fetchUsageLimits } from './fetch-usage-limits.js';
import { listAvailableModels } from './list-available-models.js';
import { ensureProfileArn, profileArnOf } from './profile-arn-of.js';
import { resolveAccountModel } from './resolve-account-model.js';
import { resolveAmazonQEndpoints } from './resolve-amazonq-endpoints.js';
import { ToolNameMap } from './shorten-tool-name.js';
import { isThinkingRequested } from './thinking-prefix.js';
import { AmazonQTokenManager, type TokenRequestContext } from './token-manager.js';

export interface AmazonQAdapterOptions {
  /** Shared between the amazonq and kiro adapters so an account's tokens live in one place. */
  tokens?: AmazonQTokenManager;
  /** Per-account model lists (ListAvailableModels); shared like the tokens. */
  models?: AccountModelTables;
  now?: () => number;
}

/** One adapter for both flavours of the CodeWhisperer streaming service: Q CLI (`amazonq`) and Kiro (`kiro`). */
export function createAmazonQAdapter(provider: 'amazonq' | 'kiro', options: AmazonQAdapterOptions = {}): ProviderAdapter {
  const shared: AdapterState = {
    flavour: amazonQFlavours[provider],
    tokens: options.tokens ?? new AmazonQTokenManager(),
    models: options.models ?? new AccountModelTables(),
    quotaResets: new Map(),
    exhaustedUntil: new Map(),
    reportingAccounts: new Set(),
    now: options.now ?? Date.now,
  };
  return {
    provider,
    stream: (request, upstreamModel, account, context) => {
      // Handed over once, when the answer starts: an answer streams for minutes, and nothing of this stream
      // keeps the request meanwhile (but for the exact input count, on accounts that need it; see startAnswer).
      const held: { request?: ChatRequest } = { request };
      const start = () => startAnswer(shared, takeRequest(held), upstreamModel, account, context);
      return enforceStreamContract(withEventBatches(() => relayAnswer(shared, account.id, start, context.signal)), context.signal);
    },
    fetchBalance: (account, context) => fetchBalance(shared, account, context),
    listModels: async (account, context) => (await listModelsOf(shared, account, context)).map((model) => model.modelId),
    reportedModels: (accountId) => {
      const table = shared.models.known(accountId);
      return table ? [...table.keys()] : undefined;
    },
  };
}

interface AdapterState {
  flavour: AmazonQFlavour;
  tokens: AmazonQTokenManager;
  models: AccountModelTables;
  /** Quota reset times learnt from GetUsageLimits, per account (bounded by the number of accounts). */
  quotaResets: Map<string, number>;
  /** Accounts whose last usage read showed no credits left and no overage: out until the reset. */
  exhaustedUntil: Map<string, number>;
  /** Accounts whose last complete answer reported the context it used (bounded by the number of accounts). */
  reportingAccounts: Set<string>;
  now: () => number;
}

/** The calls every Q request of an account shares: endpoints, token context, and an Enterprise ARN looked up first. */
async function prepare(state: AdapterState, account: UpstreamAccount, context: ProviderCallContext) {
  const endpoints = resolveAmazonQEndpoints(account);
  const call = {
    account,
    endpoints,
    flavour: state.flavour,
    tokens: state.tokens,
    tokenContext: tokenContextOf(account, state.flavour, context),
    dispatcher: context.dispatcher,
    signal: context.signal,
    // Part of the literal, not added by a spread later: that would give the object a shape of its own on every call (V8).
    profileArn: () => profileArnOf(account, endpoints, state.tokens),
  };
  await ensureProfileArn(call);
  return call;
}

async function listModelsOf(state: AdapterState, account: UpstreamAccount, context: ProviderCallContext) {
  const models = await listAvailableModels(await prepare(state, account, context));
  state.models.remember(account.id, models);
  return models;
}

function takeRequest(held: { request?: ChatRequest }): ChatRequest {
  const { request } = held;
  if (!request) throw new InternalError('An Amazon Q answer was started twice.');
  delete held.request;
  return request;
}

interface StartedAnswer {
  response: Awaited<ReturnType<typeof callWithTokenRetry>>;
  mapper: AmazonQEventMapper;
  /** The message start, with a cheap estimate of the input for renderers that need one. */
  start: StreamEvent;
}

/**
 * Sends the request (a new token and a retry when the first is refused) and readies the answer's mapper.
 * Q reports the context used only at the end of an answer, and not always: without that report the input
 * is counted with the local tokenizer, which needs the whole request. The request is kept for that only
 * for an account whose last answer came without the report; otherwise the characters/4 estimate made here
 * stands in, should the report be missing this time.
 */
async function startAnswer(
  state: AdapterState,
  request: ChatRequest,
  upstreamModel: string,
  account: UpstreamAccount,
  context: ProviderCallContext,
): Promise<StartedAnswer> {
  const { flavour, tokens, quotaResets } = state;
  const exhaustedUntil = state.exhaustedUntil.get(account.id);
  if (exhaustedUntil !== undefined && exhaustedUntil > state.now()) {
    throw new QuotaExhaustedError('The account has no credits left until its quota resets.', { resetAt: exhaustedUntil });
  }
  const { endpoints, tokenContext, profileArn } = await prepare(state, account, context);
  const table = await state.models.tableFor(
    account.id,
    () => listModelsOf(state, account, context),
    (error) => context.logger.warn({ accountId: account.id, err: (error as Error).message }, 'could not list the models of an Amazon Q account'),
  );
  const { modelId, contextWindow } = resolveAccountModel(upstreamModel, table);
  const toolNames = new ToolNameMap();
  const warningsBefore = context.warnings.length;
  const knownReset = quotaResets.get(account.id);
  const response = await callWithTokenRetry({
    account,
    endpoints,
    tokens,
    tokenContext,
    model: upstreamModel,
    quotaResetAt: knownReset !== undefined && knownReset > state.now() ? knownReset : undefined,
    buildRequest: (accessToken) => {
      context.warnings.length = warningsBefore; // a retry rebuilds the body; keep its warnings once
      const body = buildAmazonQRequest(request, {
        flavour,
        modelId,
        profileArn: profileArn(),
        sessionId: context.sessionId,
        toolNames,
        warnings: context.warnings,
      });
      return {
        url: `${endpoints.baseUrl}${flavour.chatPath}`,
        method: 'POST',
        headers: buildChatHeaders(account, flavour, accessToken),
        body: JSON.stringify(body),
        dispatcher: context.dispatcher,
        signal: context.signal,
      };
    },
  });
  const estimate = estimateInputTokensByCharacters(request);
  const mapper = new AmazonQEventMapper({
    thinking: isThinkingRequested(request.reasoning),
    toolNames,
    contextWindow,
    estimateInputTokens: state.reportingAccounts.has(account.id) ? countOf(estimate) : countTokensLater(request),
  });
  return { response, mapper, start: { type: 'message-start', id: `msg_${randomUUID().replace(/-/g, '')}`, usage: { inputTokens: estimate } } };
}

// Made out here: a function made inside startAnswer would share its scope, which holds the request.
/** The tokenizer's count of the request, when asked: a function that holds the request and nothing else. */
const countTokensLater = (request: ChatRequest) => () => countTokens(request);
const countOf = (count: number) => () => count;

/** The answer's canonical events, a body chunk's at a time (see core/event-batches.ts). */
async function* relayAnswer(state: AdapterState, accountId: string, start: () => Promise<StartedAnswer>, signal: CancelSignal): AsyncGenerator<StreamEvent[]> {
  const { response, mapper, start: first } = await start();
  let batch: StreamEvent[] = [first];
  const decoder = new AwsEventStreamDecoder();
  try {
    // The events of every frame one body chunk completes go on as one batch.
    for await (const chunk of response.body) {
      for (const message of decoder.push(chunk)) {
        batch.push(...mapper.handle(message));
        if (mapper.failure) {
          batch.push(...mapper.closeBlocks(), { type: 'usage', usage: mapper.usage() }, { type: 'error', error: mapper.failure });
          yield batch;
          return;
        }
      }
      if (batch.length > 0) {
        yield batch;
        batch = [];
      }
    }
    decoder.end();
  } catch (error) {
    if (signal.aborted) throw error;
    batch.push(...mapper.closeBlocks(), { type: 'usage', usage: mapper.usage() }, {
      type: 'error',
      error: isGatewayError(error) ? error : new UpstreamUnavailableError(`Amazon Q stream failed: ${(error as Error).message}`, { cause: error }),
    });
    yield batch;
    return;
  } finally {
    if (!response.body.destroyed) response.body.destroy();
  }
  batch.push(...mapper.finish());
  if (mapper.reportedContextUsage) state.reportingAccounts.add(accountId);
  else state.reportingAccounts.delete(accountId);
  yield batch;
}

async function fetchBalance(state: AdapterState, account: UpstreamAccount, context: ProviderCallContext): Promise<Balance | null> {
  const balance = await fetchUsageLimits({ ...(await prepare(state, account, context)), now: state.now });
  // The balance check is the periodic look at an account, so its model list is kept current here too.
  await state.models.tableFor(
    account.id,
    () => listModelsOf(state, account, context),
    (error) => context.logger.warn({ accountId: account.id, err: (error as Error).message }, 'could not list the models of an Amazon Q account'),
  );
  if (balance.resetAt) state.quotaResets.set(account.id, balance.resetAt);
  if (balance.exhausted && balance.resetAt && balance.resetAt > state.now()) state.exhaustedUntil.set(account.id, balance.resetAt);
  else state.exhaustedUntil.delete(account.id);
  return balance;
}

function tokenContextOf(account: UpstreamAccount, flavour: AmazonQFlavour, context: ProviderCallContext): TokenRequestContext {
  return new CallTokenContext(context, refreshUserAgentOf(account, flavour));
}

/**
 * A call's context as the token manager sees it. The logger is read from the call only when something
 * is logged (a refresh that failed): the call's logger is a child made on first use, and a class keeps
 * the lazy read without a getter in an object literal (which V8 turns into a dictionary on every call).
 */
class CallTokenContext implements TokenRequestContext {
  constructor(
    private readonly call: ProviderCallContext,
    readonly userAgent: string,
  ) {}

  get dispatcher(): Dispatcher {
    return this.call.dispatcher;
  }

  get logger(): Logger {
    return this.call.logger;
  }

  saveCredentials(update: Partial<AccountCredentials>): Promise<void> {
    return this.call.saveCredentials(update);
  }
}
