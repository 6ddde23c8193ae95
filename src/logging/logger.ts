import pino, { type Logger } from 'pino';

/** Structured JSON logs. Credentials never reach a log line: these paths are redacted everywhere. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'sluice' },
    redact: {
      paths: [
        '*.authorization',
        '*.Authorization',
        '*["x-api-key"]',
        '*.api_key',
        '*.refresh_token',
        '*.client_secret',
        '*.access_token',
        '*.credentials',
        'headers.authorization',
        'headers["x-api-key"]',
      ],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
