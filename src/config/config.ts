import path from 'node:path';
import { z } from 'zod';
import type { Environment } from './env.js';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** A whole number in a range, with a message that says what was given: `PORT=abc` must read well. */
const wholeNumber = (fallback: number | undefined, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return fallback;
      const number = Number(value.trim());
      if (!Number.isInteger(number) || number < min || number > max) {
        context.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}` });
        return z.NEVER;
      }
      return number;
    });

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const configSchema = z.object({
  PORT: wholeNumber(8080, 0, 65535).transform((value) => value ?? 8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString.refine(
    (value) => value === undefined || /^(postgres|postgresql):\/\//.test(value) || /^(sqlite|file):/.test(value),
    { message: 'must be postgres://… (or unset for SQLite)' },
  ),
  REDIS_URL: optionalString.refine((value) => value === undefined || /^rediss?:\/\//.test(value), {
    message: 'must be redis://… or rediss://…',
  }),
  ADMIN_KEY: optionalString,
  SECRET_KEY: optionalString,
  LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info'),
  BODY_LIMIT_BYTES: wholeNumber(20 * 1024 * 1024, 1, 2 ** 31).transform((value) => value ?? 20 * 1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(15_000, 1, 3_600_000).transform((value) => value ?? 15_000),
  MAX_HEADER_SIZE_BYTES: wholeNumber(16 * 1024, 1024, 1024 * 1024).transform((value) => value ?? 16 * 1024),
  HEADERS_TIMEOUT_MS: wholeNumber(20_000, 1000, 3_600_000).transform((value) => value ?? 20_000),
  REQUEST_TIMEOUT_MS: wholeNumber(120_000, 1000, 3_600_000).transform((value) => value ?? 120_000),
  KEEP_ALIVE_TIMEOUT_MS: wholeNumber(65_000, 1000, 3_600_000).transform((value) => value ?? 65_000),
  METRICS_TOKEN: optionalString,
  METRICS_PORT: wholeNumber(undefined, 0, 65535),
  METRICS_HOST: optionalString,
});

/** Every environment variable Sluice reads (`.env.example` documents each). */
export const configVariables = Object.keys(configSchema.shape);

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
  /** Node HTTP server limits: header size, time to receive the headers, the whole request, and keep-alive idle time. */
  server?: ServerLimits;
  /** `/metrics`: public by default; with a token it needs `Authorization: Bearer <token>`; with a port it has its own listener. */
  metrics?: MetricsConfig;
}

export interface ServerLimits {
  maxHeaderSizeBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export interface MetricsConfig {
  token?: string;
  /** When set, /metrics is served only on this port (on `host`, default HOST) and not on the main port. */
  port?: number;
  host?: string;
}

export const defaultServerLimits: ServerLimits = {
  maxHeaderSizeBytes: 16 * 1024,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 65_000,
};

export class ConfigError extends Error {}

/** Parses the environment once into a typed, validated config; throws a readable `ConfigError`. */
export function loadConfig(environment: Environment): Config {
  const parsed = configSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}. See .env.example for every variable.`);
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
    server: {
      maxHeaderSizeBytes: values.MAX_HEADER_SIZE_BYTES,
      headersTimeoutMs: values.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: values.KEEP_ALIVE_TIMEOUT_MS,
    },
    metrics: { token: values.METRICS_TOKEN, port: values.METRICS_PORT, host: values.METRICS_HOST },
  };
}
