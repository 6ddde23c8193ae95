import pino from 'pino';
import type { Dispatcher } from 'undici';
import type { AccountRecord } from '../../accounts/account-record.js';
import type { ChatRequest } from '../../core/chat-request.js';
import type { ChatResult } from '../../core/chat-result.js';
import { waiting } from '../../core/render-frames.js';
import { createTestPool } from '../../pool/testing/create-test-pool.js';
import { createAnthropicAdapter } from '../../providers/anthropic/anthropic-adapter.js';
import { getDispatcher } from '../../providers/http/get-dispatcher.js';
import type { ProviderAdapter } from '../../providers/provider-adapter.js';
import { providerNames, type ProviderName } from '../../providers/provider-name.js';
import type { PassthroughFormat } from '../../providers/provider-adapter.js';
import type { Settings } from '../../settings/settings-schema.js';
import type { RequestLogEntry } from '../../usage/request-log-entry.js';
import type { ClientRenderer } from '../client-renderer.js';
import type { GatewayDeps } from '../gateway-deps.js';
import type { ChatInvocation } from '../handle-chat.js';

/** Test support: a renderer that writes canonical events as JSON lines (errors as `{type:"error",message}`). */
export const jsonLinesRenderer: ClientRenderer = {
  format: 'openai',
  frames: () =>
    function* (events) {
      for (const event of events) {
        if (event === waiting) yield waiting;
        else yield `${JSON.stringify(event.type === 'error' ? { type: 'error', message: (event.error as Error).message } : event)}\n`;
      }
    },
  renderResult: (result: ChatResult, model: string) => ({ model, result }),
};

/**
 * Test support: the request path over a real AccountPool (in-memory store and state) and a real
 * adapter (Anthropic's unless given), so health decisions and timeouts are the production ones.
 */
export function createPoolGateway(input: {
  accounts: AccountRecord[];
  settings?: Partial<Settings>;
  dispatcherFor?: (account: AccountRecord) => Dispatcher;
  /** The adapter every account uses; Anthropic's by default. */
  adapter?: ProviderAdapter;
}) {
  const { pool, store, settings } = createTestPool({ accounts: input.accounts, settings: { routing_strategy: 'priority', ...input.settings } });
  const adapter = input.adapter ?? createAnthropicAdapter();
  const adapters = Object.fromEntries(providerNames.map((name) => [name, adapter])) as Record<ProviderName, ProviderAdapter>;
  const outcomes: RequestLogEntry[] = [];
  const deps: GatewayDeps = {
    logger: pino({ level: 'silent' }),
    settings: () => settings,
    adapters,
    acquire: (request) => pool.acquire(request),
    dispatcherFor: input.dispatcherFor ?? (() => getDispatcher()),
    saveCredentials: async () => undefined,
    acquireKeySlot: async () => null,
    reserveBudget: async () => null,
    recordOutcome: (entry) => void outcomes.push(entry),
  };
  return { deps, pool, store, settings, outcomes };
}

/** Test support: one client call, converted (`openai-chat` to an Anthropic account) or passed through (`anthropic-messages`). */
export function poolInvocation(options: { stream: boolean; format: PassthroughFormat; signal?: AbortSignal }): ChatInvocation {
  const request: ChatRequest = {
    model: 'claude-sonnet-4-5',
    system: [],
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    tools: [],
    stream: options.stream,
    maxOutputTokens: 64,
  };
  return {
    request,
    rawBody: { model: 'claude-sonnet-4-5', max_tokens: 64, stream: options.stream, messages: [{ role: 'user', content: 'hi' }] },
    passthroughFormat: options.format,
    apiKey: { id: 'key1', name: 'k', isAdmin: false, requestsPerMinute: null, requestsPerDay: null, allowedModels: null, budgets: null },
    clientHeaders: {},
    requestId: `req-${Math.random().toString(36).slice(2)}`,
    signal: options.signal ?? new AbortController().signal,
    clientIp: '127.0.0.1',
    userAgent: 'test',
    startedAt: Date.now(),
  };
}
