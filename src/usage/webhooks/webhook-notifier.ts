import type { Logger } from 'pino';
import type { Settings, WebhookEventName } from '../../settings/settings-schema.js';
import { signWebhookBody } from './sign-webhook-body.js';

export interface WebhookNotifierDeps {
  settings: () => Settings;
  logger: Logger;
  fetch?: typeof fetch;
  now?: () => number;
  /** Waits between attempts; the first attempt is immediate. Default 1 s, 2 s, 4 s (four attempts). */
  retryDelaysMs?: number[];
  /** Deliveries waiting or in flight; beyond this new ones are dropped and counted. */
  maxQueued?: number;
  timeoutMs?: number;
}

export interface WebhookNotifier {
  /** Queues the event for every webhook subscribed to it and returns at once. */
  notify(event: WebhookEventName, data: Record<string, unknown>): void;
  /** Resolves when every queued delivery has finished (succeeded or given up). */
  drain(): Promise<void>;
  stats(): { queued: number; delivered: number; failed: number; dropped: number };
}

interface Delivery {
  url: string;
  secret?: string;
  body: string;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Only the origin of a webhook URL is logged: chat webhooks carry their secret in the path. */
const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid-url';
  }
};

/** A 4xx other than 408/429 will not get better by retrying. */
const isPermanent = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/**
 * Sends alert events as JSON `{event, time, data}` POSTs, signed when the webhook has a secret, retried
 * with exponential backoff, never blocking the caller, with a bounded number of pending deliveries.
 */
export function createWebhookNotifier(deps: WebhookNotifierDeps): WebhookNotifier {
  const send = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const delays = deps.retryDelaysMs ?? [1000, 2000, 4000];
  const maxQueued = deps.maxQueued ?? 1000;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const pending = new Set<Promise<void>>();
  const counters = { delivered: 0, failed: 0, dropped: 0 };

  async function attempt(delivery: Delivery): Promise<'ok' | 'retry' | 'permanent'> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'sluice-webhooks' };
    if (delivery.secret) headers['x-sluice-signature'] = signWebhookBody(delivery.secret, delivery.body);
    try {
      const response = await send(delivery.url, { method: 'POST', headers, body: delivery.body, signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return 'ok';
      return isPermanent(response.status) ? 'permanent' : 'retry';
    } catch {
      return 'retry';
    }
  }

  async function deliver(delivery: Delivery): Promise<void> {
    for (let index = 0; index <= delays.length; index += 1) {
      const outcome = await attempt(delivery);
      if (outcome === 'ok') {
        counters.delivered += 1;
        return;
      }
      if (outcome === 'permanent' || index === delays.length) break;
      await wait(delays[index] ?? 0);
    }
    counters.failed += 1;
    deps.logger.warn({ webhook: originOf(delivery.url) }, 'webhook delivery failed');
  }

  return {
    notify(event, data) {
      const body = JSON.stringify({ event, time: new Date(now()).toISOString(), data });
      for (const webhook of deps.settings().webhooks) {
        if (!webhook.events.includes(event)) continue;
        if (pending.size >= maxQueued) {
          counters.dropped += 1;
          deps.logger.warn({ event, dropped: counters.dropped }, 'webhook queue full: event dropped');
          continue;
        }
        const task = deliver({ url: webhook.url, secret: webhook.secret, body }).finally(() => pending.delete(task));
        pending.add(task);
      }
    },
    async drain() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    stats: () => ({ queued: pending.size, ...counters }),
  };
}
