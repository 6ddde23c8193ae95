import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

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
