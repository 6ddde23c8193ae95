import type { Config } from './config.js';

/** A database URL safe to print: the password replaced by `***`. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(not a valid URL)';
  }
}

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** One line a person can act on when the server cannot listen: which address, which variable to change. */
export function describeListenError(error: unknown, address: { port: number; host: string }, variables = { port: 'PORT', host: 'HOST' }): string {
  const where = `${address.host}:${address.port}`;
  switch (errorCode(error)) {
    case 'EADDRINUSE':
      return `Cannot listen on ${where}: the port is already in use. Stop the other process or set ${variables.port} to a free port.`;
    case 'EACCES':
      return `Cannot listen on ${where}: permission denied (ports below 1024 need privileges). Set ${variables.port} to a port above 1023.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `Cannot listen on ${where}: this machine has no such address. Set ${variables.host} to one of its addresses, or 0.0.0.0.`;
    default:
      return `Cannot listen on ${where} (${variables.host}/${variables.port}): ${messageOf(error)}`;
  }
}

/** One line naming the setting to check when the database cannot be opened or migrated. */
export function describeDatabaseError(error: unknown, database: Config['database']): string {
  if (database.kind === 'postgres') {
    return `Cannot use PostgreSQL at DATABASE_URL=${redactUrl(database.url)}: ${messageOf(error)}. Check that the server is running and reachable, and the URL's user, password and database.`;
  }
  return `Cannot open the SQLite database ${database.file}: ${messageOf(error)}. Check DATA_DIR (or DATABASE_URL) and its permissions.`;
}
