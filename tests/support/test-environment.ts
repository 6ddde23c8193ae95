/** Real services for tests, from the environment (CI sets both). Tests needing one skip when it is unset. */
export const postgresUrl: string | undefined = process.env.DATABASE_URL || undefined;
export const redisUrl: string | undefined = process.env.REDIS_URL || undefined;

export type TestDatabase = 'sqlite' | 'postgres';

/** The databases to run a repository suite on: SQLite always, PostgreSQL when DATABASE_URL is set. */
export function testDatabases(): TestDatabase[] {
  return postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}

export function warnSkipped(what: string, variable: 'DATABASE_URL' | 'REDIS_URL'): void {
  if (!process.env[variable]) console.warn(`Skipping ${what}: ${variable} is not set.`);
}
