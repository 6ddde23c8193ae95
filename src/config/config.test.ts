import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from './config.js';
import { readEnvironment } from './env.js';

describe('loadConfig', () => {
  it('defaults to port 8080 and SQLite under ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.database.kind).toBe('sqlite');
    expect(config.database.kind === 'sqlite' && config.database.file.endsWith('data/sluice.db')).toBe(true);
  });

  it('selects PostgreSQL for postgres:// URLs and requires SECRET_KEY there', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/test' })).toThrow(/SECRET_KEY is required/);
    const config = loadConfig({ DATABASE_URL: 'postgres://localhost/test', SECRET_KEY: 'x'.repeat(32) });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://localhost/test' });
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
  });
});

describe('configuration errors a person can act on', () => {
  it('says what is wrong with PORT=abc in one readable line, not zod internals', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'abc' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('Invalid configuration: PORT must be a whole number from 0 to 65535, not "abc". See .env.example for every variable.');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of fatal, error/);
    expect(() => loadConfig({ METRICS_PORT: '99999' })).toThrow(/METRICS_PORT must be a whole number/);
  });

  it('reads server limits and metrics options with defaults', () => {
    expect(loadConfig({}).server).toEqual({ maxHeaderSizeBytes: 16384, headersTimeoutMs: 20_000, requestTimeoutMs: 120_000, keepAliveTimeoutMs: 65_000 });
    expect(loadConfig({}).metrics).toEqual({ token: undefined, port: undefined, host: undefined });
    const config = loadConfig({ HEADERS_TIMEOUT_MS: '5000', METRICS_TOKEN: ' scrape ', METRICS_PORT: '9100', METRICS_HOST: '127.0.0.1' });
    expect(config.server?.headersTimeoutMs).toBe(5000);
    expect(config.metrics).toEqual({ token: 'scrape', port: 9100, host: '127.0.0.1' });
  });
});

describe('readEnvironment', () => {
  it('loads .env when present, the real environment winning', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-env-'));
    try {
      const envFile = path.join(directory, '.env');
      fs.writeFileSync(envFile, '# comment\nPORT=9001\nLOG_LEVEL=debug\nSECRET_KEY="quoted value"\n');
      expect(readEnvironment({ envFile, environment: { LOG_LEVEL: 'warn' } })).toEqual({ PORT: '9001', LOG_LEVEL: 'warn', SECRET_KEY: 'quoted value' });
      expect(readEnvironment({ envFile: path.join(directory, 'missing.env'), environment: { PORT: '1' } })).toEqual({ PORT: '1' });
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('.env.example', () => {
  it('documents every variable, and nothing else', () => {
    const example = fs.readFileSync(path.resolve(import.meta.dirname, '../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^# ([A-Z_]+)=/gm)].map((match) => match[1]);
    expect([...new Set(documented)].sort()).toEqual([...configVariables].sort());
  });
});
