import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { serve } from '@hono/node-server';
import { adminKeyBanner, ensureAdminKey } from './auth/ensure-admin-key.js';
import { loadConfig } from './config/config.js';
import { readEnvironment } from './config/env.js';
import { createContext } from './context.js';
import { createLogger } from './logging/logger.js';
import { createApp } from './server/app.js';
import { writeChunkSourcesDirectly } from './server/write-chunk-source.js';

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Time the shutdown hooks (flushes, closing pools) get after the last request finished. */
const hookDeadlineMs = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(readEnvironment());
  const logger = createLogger(config.logLevel);
  const context = await createContext(config, logger, version);
  const bootstrap = await ensureAdminKey({ db: context.database.db, bus: context.changeBus, adminKey: config.adminKey });
  if (bootstrap.outcome === 'generated') process.stdout.write(adminKeyBanner(bootstrap.key) + '\n');
  if (bootstrap.outcome === 'created-from-config') logger.info({ apiKeyId: bootstrap.id }, 'admin key from ADMIN_KEY stored');

  const app = createApp(context);
  const server = serve({ fetch: writeChunkSourcesDirectly(app.fetch), port: config.port, hostname: config.host }, (info) => {
    logger.info({ port: info.port, host: config.host, database: config.database.kind, redis: Boolean(config.redisUrl) }, 'sluice listening');
  }) as Server;
  server.on('error', (error: Error) => {
    logger.fatal({ err: error.message }, 'server error');
    void context.shutdown().finally(() => process.exit(1));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: closing every connection now');
      server.closeAllConnections();
      return;
    }
    stopping = true;
    logger.info({ signal, deadlineMs: config.shutdownTimeoutMs }, 'shutting down: no new connections, finishing in-flight requests');
    // Keep-alive sockets that become idle after close() would hold it open: keep closing idle ones.
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      logger.warn('shutdown deadline reached; closing the remaining connections');
      server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    server.close(() => {
      clearInterval(idleSweep);
      clearTimeout(deadline);
      const hardStop = setTimeout(() => {
        logger.error('shutdown hooks did not finish in time');
        process.exit(1);
      }, hookDeadlineMs);
      hardStop.unref();
      context
        .shutdown()
        .then(() => {
          logger.info('stopped');
          process.exit(0);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
