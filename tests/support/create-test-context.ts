import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino, { type Logger } from 'pino';
import type { Config } from '../../src/config/config.js';
import { createContext, type AppContext } from '../../src/context.js';
import { postgresUrl, redisUrl, type TestDatabase } from './test-environment.js';

export interface TestContextOptions {
  /** 'sqlite' (default): a temp file. 'postgres': a fresh schema in DATABASE_URL, dropped on shutdown. */
  database?: TestDatabase;
  /** Use the Redis at REDIS_URL (with a unique key/channel prefix). Throws when REDIS_URL is unset. */
  redis?: boolean;
  /** Share one database between several contexts (multi-instance tests): pass the first one's `databaseUrl`. */
  shareDatabaseWith?: TestContext;
  /** Share Redis channels and keys with another context (multi-instance tests). */
  shareRedisWith?: TestContext;
  config?: Partial<Config>;
  logger?: Logger;
}

export interface TestContext extends AppContext {
  /** The temp directory used as DATA_DIR; removed on shutdown. */
  dataDirectory: string;
  /** The Redis prefix in use ('sluice-test-…:'), for tests that inspect keys. */
  redisPrefix: string;
}

/**
 * A real AppContext on a throwaway database: migrations run, services built, nothing shared with other
 * test files. `await context.shutdown()` closes it and removes the temp data / PostgreSQL schema.
 */
export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const dataDirectory = options.shareDatabaseWith?.dataDirectory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-test-'));
  const ownsDirectory = !options.shareDatabaseWith;
  const kind = options.shareDatabaseWith?.database.kind ?? options.database ?? 'sqlite';
  let database: Config['database'];
  let dropSchema: (() => Promise<void>) | undefined;
  if (kind === 'postgres') {
    if (!postgresUrl) throw new Error('createTestContext({database: "postgres"}) needs DATABASE_URL; skip the suite when it is unset.');
    if (options.shareDatabaseWith?.database.kind === 'postgres') {
      database = options.shareDatabaseWith.config.database;
    } else {
      const schema = `sluice_test_${randomBytes(6).toString('hex')}`;
      await runPostgres(`create schema ${schema}`);
      database = { kind: 'postgres', url: withSearchPath(postgresUrl, schema) };
      dropSchema = () => runPostgres(`drop schema if exists ${schema} cascade`);
    }
  } else {
    database = { kind: 'sqlite', file: path.join(dataDirectory, 'sluice.db') };
  }
  if (options.redis && !redisUrl) throw new Error('createTestContext({redis: true}) needs REDIS_URL; skip the suite when it is unset.');
  const redisPrefix = options.shareRedisWith?.redisPrefix ?? `sluice-test-${randomBytes(6).toString('hex')}:`;
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: dataDirectory,
    database,
    redisUrl: options.redis ? redisUrl : undefined,
    adminKey: undefined,
    secretKey: 'test-secret-key-'.padEnd(40, 'x'),
    logLevel: 'silent',
    bodyLimitBytes: 1024 * 1024,
    shutdownTimeoutMs: 5_000,
    ...options.config,
  };
  const logger = options.logger ?? pino({ level: config.logLevel });
  const context = await createContext(config, logger, '0.0.0-test', { redisPrefix });
  const shutdownContext = context.shutdown;
  context.shutdown = async () => {
    await shutdownContext();
    await dropSchema?.();
    if (ownsDirectory) fs.rmSync(dataDirectory, { recursive: true, force: true });
  };
  return Object.assign(context, { dataDirectory, redisPrefix });
}

async function runPostgres(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withSearchPath(url: string, schema: string): string {
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}
