import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import { openDatabase, type DatabaseHandle } from './store/db.js';
import { migrateToLatest } from './store/migrate.js';

/**
 * Everything a request handler or background job may use, built once at start-up.
 * Services are added here as they land; handlers receive this object, never globals.
 */
export interface AppContext {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  redis?: Redis;
  version: string;
  /** Run in reverse order on shutdown, after the server stopped accepting requests. */
  onShutdown(hook: () => Promise<void> | void): void;
  shutdown(): Promise<void>;
}

export async function createContext(config: Config, logger: Logger, version: string): Promise<AppContext> {
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false }) : undefined;
  redis?.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis error'));
  const hooks: Array<() => Promise<void> | void> = [];
  hooks.push(() => database.close());
  if (redis) hooks.push(async () => void (await redis.quit().catch(() => redis.disconnect())));
  return {
    config,
    logger,
    database,
    redis,
    version,
    onShutdown: (hook) => void hooks.push(hook),
    shutdown: async () => {
      for (const hook of hooks.reverse()) {
        try {
          await hook();
        } catch (error) {
          logger.error({ err: error }, 'shutdown hook failed');
        }
      }
      hooks.length = 0;
    },
  };
}
