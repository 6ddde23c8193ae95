import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** What changed; every cache that holds rows of that table listens to its topic. */
export type ChangeTopic = 'api-keys' | 'accounts' | 'settings';

export const changeTopics: readonly ChangeTopic[] = ['api-keys', 'accounts', 'settings'];

/**
 * A change message: the id of the row that changed, or null for "reload everything". A listener may
 * return a promise (a cache reload): a local publish resolves only once every listener has finished.
 */
export type ChangeListener = (id: string | null) => void | Promise<void>;

/**
 * Tells every cache, in this process and in every other instance, that rows changed.
 * Local listeners are called synchronously on publish; other instances hear it through Redis pub/sub.
 */
export interface ChangeBus {
  publish(topic: ChangeTopic, id?: string | null): Promise<void>;
  subscribe(topic: ChangeTopic, listener: ChangeListener): () => void;
  close(): Promise<void>;
}

export interface ChangeBusOptions {
  redis?: Redis;
  logger: Logger;
  /** Channel prefix, so that test runs sharing one Redis don't hear each other. */
  channelPrefix?: string;
}

interface WireMessage {
  origin: string;
  id: string | null;
}

export async function createChangeBus(options: ChangeBusOptions): Promise<ChangeBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  const origin = randomUUID();
  const prefix = options.channelPrefix ?? 'sluice:changes:';
  const deliver = async (topic: ChangeTopic, id: string | null) => {
    const listeners = emitter.listeners(topic) as ChangeListener[];
    const outcomes = await Promise.allSettled(listeners.map(async (listener) => listener(id)));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') options.logger.error({ err: outcome.reason, topic }, 'change listener failed');
    }
  };

  const publisher = options.redis;
  const subscriber = publisher?.duplicate({ connectionName: `${prefix}subscriber` });
  if (subscriber) {
    subscriber.on('error', (error: Error) => options.logger.warn({ err: error.message }, 'change bus subscriber error'));
    subscriber.on('message', (channel: string, raw: string) => {
      const topic = changeTopics.find((candidate) => channel === prefix + candidate);
      if (!topic) return;
      const message = parseWireMessage(raw);
      if (!message || message.origin === origin) return;
      void deliver(topic, message.id);
    });
    await subscriber.subscribe(...changeTopics.map((topic) => prefix + topic));
    // Messages published while the connection was down are lost: after a reconnect, reload everything.
    let connectedOnce = false;
    subscriber.on('ready', () => {
      if (!connectedOnce) {
        connectedOnce = true;
        return;
      }
      options.logger.info('change bus reconnected; reloading cached keys, accounts and settings');
      for (const topic of changeTopics) void deliver(topic, null);
    });
    if (subscriber.status === 'ready') connectedOnce = true;
  }

  return {
    async publish(topic, id = null) {
      await deliver(topic, id);
      if (!publisher) return;
      const message: WireMessage = { origin, id };
      try {
        await publisher.publish(prefix + topic, JSON.stringify(message));
      } catch (error) {
        options.logger.warn({ err: error instanceof Error ? error.message : error, topic }, 'change bus publish failed');
      }
    },
    subscribe(topic, listener) {
      emitter.on(topic, listener);
      return () => void emitter.off(topic, listener);
    },
    async close() {
      emitter.removeAllListeners();
      if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}

function parseWireMessage(raw: string): WireMessage | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    if (typeof record.origin !== 'string') return undefined;
    return { origin: record.origin, id: typeof record.id === 'string' ? record.id : null };
  } catch {
    return undefined;
  }
}
