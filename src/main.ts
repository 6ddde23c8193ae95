import { serve } from '@hono/node-server';
import { createRequire } from 'node:module';
import { loadConfig } from './config/config.js';
import { readEnvironment } from './config/env.js';
import { createContext } from './context.js';
import { createLogger } from './logging/logger.js';
import { createApp } from './server/app.js';

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

async function main(): Promise<void> {
  const config = loadConfig(readEnvironment());
  const logger = createLogger(config.logLevel);
  const context = await createContext(config, logger, version);
  const app = createApp(context);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ port: info.port, host: config.host, database: config.database.kind, redis: Boolean(config.redisUrl) }, 'sluice listening');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const deadline = setTimeout(() => {
      logger.warn('shutdown deadline reached; closing remaining connections');
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    }, config.shutdownTimeoutMs);
    deadline.unref();
    server.close(async () => {
      await context.shutdown();
      logger.info('stopped');
      process.exit(0);
    });
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
