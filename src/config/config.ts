import path from 'node:path';
import { z } from 'zod';
import type { Environment } from './env.js';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString.refine(
    (value) => value === undefined || /^(postgres|postgresql):\/\//.test(value) || /^(sqlite|file):/.test(value),
    { message: 'DATABASE_URL must be postgres://… (or unset for SQLite)' },
  ),
  REDIS_URL: optionalString.refine((value) => value === undefined || /^rediss?:\/\//.test(value), {
    message: 'REDIS_URL must be redis://… or rediss://…',
  }),
  ADMIN_KEY: optionalString,
  SECRET_KEY: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  redisUrl?: string;
  adminKey?: string;
  secretKey?: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {}

/** Parses the environment once into a typed, validated config; throws a readable `ConfigError`. */
export function loadConfig(environment: Environment): Config {
  const parsed = configSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.DATA_DIR);
  const databaseUrl = values.DATABASE_URL;
  const database: Config['database'] =
    databaseUrl && /^postgres/.test(databaseUrl)
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'sqlite', file: databaseUrl ? databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '') : path.join(dataDir, 'sluice.db') };
  if (database.kind === 'postgres' && !values.SECRET_KEY) {
    throw new ConfigError('SECRET_KEY is required with PostgreSQL: every instance must share the key that encrypts upstream credentials.');
  }
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    database,
    redisUrl: values.REDIS_URL,
    adminKey: values.ADMIN_KEY,
    secretKey: values.SECRET_KEY,
    logLevel: values.LOG_LEVEL,
    bodyLimitBytes: values.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
  };
}
