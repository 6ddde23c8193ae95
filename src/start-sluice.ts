import { createRequire } from 'node:module';
import { createMetricsApp } from './admin/stats/register-metrics-route.js';
import { adminKeyBanner, ensureAdminKey } from './auth/ensure-admin-key.js';
import { defaultServerLimits, type Config } from './config/config.js';
import { describeDatabaseError, describeListenError } from './config/describe-startup-error.js';
import { StartupError } from './config/startup-error.js';
import { createContext, type AppContext } from './context.js';
import { createLogger } from './logging/logger.js';
import { createApp } from './server/app.js';
import { createNodeServer, type NodeServer } from './server/node/create-node-server.js';
import { writeChunkSourcesDirectly } from './server/write-chunk-source.js';

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Time the shutdown hooks (flushes, closing pools) get after the last request finished. */
const hookDeadlineMs = 10_000;
/** How long a keep-alive connection that is idle at the signal stays open for a request already on its way. */
const drainIdleGraceMs = 1_000;

async function listenOrExplain(node: NodeServer, port: number, host: string, variables?: { port: string; host: string }): Promise<number> {
  try {
    return (await node.listen(port, host)).port;
  } catch (error) {
    throw new StartupError(describeListenError(error, { port, host }, variables));
  }
}

/**
 * Opens the database, listens, and only then makes sure an admin key exists (printing a generated
 * one once), then drains on SIGTERM/SIGINT. Start-up failures are `StartupError`s with one line.
 */
export async function startSluice(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  let context: AppContext;
  try {
    context = await createContext(config, logger, version);
  } catch (error) {
    throw new StartupError(describeDatabaseError(error, config.database));
  }
  const limits = config.server ?? defaultServerLimits;
  const node = createNodeServer(writeChunkSourcesDirectly(createApp(context).fetch), limits);
  const metricsNode = config.metrics?.port !== undefined ? createNodeServer(createMetricsApp(context).fetch, limits) : undefined;
  let port: number;
  try {
    port = await listenOrExplain(node, config.port, config.host);
    if (metricsNode && config.metrics?.port !== undefined) {
      const metricsPort = await listenOrExplain(metricsNode, config.metrics.port, config.metrics.host ?? config.host, { port: 'METRICS_PORT', host: 'METRICS_HOST' });
      logger.info({ port: metricsPort, host: config.metrics.host ?? config.host }, 'metrics listening');
    }
  } catch (error) {
    node.server.close();
    await context.shutdown();
    throw error;
  }
  node.server.on('error', (error: Error) => logger.error({ err: error.message }, 'server error'));

  // Only now, with the port ours, is a first admin key generated: a start that fails shows no key it then loses.
  const bootstrap = await ensureAdminKey({ db: context.database.db, bus: context.changeBus, adminKey: config.adminKey });
  if (bootstrap.outcome === 'generated') process.stdout.write(adminKeyBanner(bootstrap.key) + '\n');
  if (bootstrap.outcome === 'created-from-config') logger.info({ apiKeyId: bootstrap.id }, 'admin key from ADMIN_KEY stored');
  logger.info({ port, host: config.host, database: config.database.kind, redis: Boolean(config.redisUrl) }, 'sluice listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: closing every connection now');
      node.connections.destroyAll();
      metricsNode?.connections.destroyAll();
      return;
    }
    stopping = true;
    logger.info({ signal, deadlineMs: config.shutdownTimeoutMs }, 'shutting down: no new connections, finishing in-flight requests');
    const deadline = setTimeout(() => {
      logger.warn('shutdown deadline reached; closing the remaining connections');
      node.connections.destroyAll();
      metricsNode?.connections.destroyAll();
    }, config.shutdownTimeoutMs);
    const idleGraceMs = Math.min(drainIdleGraceMs, config.shutdownTimeoutMs / 2);
    // Requests reaching an open connection are still answered (with `connection: close`); idle ones end with a FIN.
    void Promise.all([node.connections.drain({ idleGraceMs }), metricsNode?.connections.drain({ idleGraceMs })]).then(() => {
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
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
