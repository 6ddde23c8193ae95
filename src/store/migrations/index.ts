import type { Migration } from 'kysely';
import * as apiKeys from './001-api-keys.js';
import * as accounts from './002-accounts.js';
import * as settings from './003-settings.js';
import * as requestLogs from './004-request-logs.js';
import * as usageRollups from './005-usage-rollups.js';
import * as storedResponses from './006-stored-responses.js';
import * as limitsAndAttempts from './007-limits-and-attempts.js';
import * as auditAndAccountEvents from './008-audit-and-account-events.js';
import * as requestLogErrorsIndex from './009-request-log-errors-index.js';

/**
 * The explicit, ordered list of migrations. Written only with Kysely's portable schema builder so
 * that each runs unchanged on SQLite and PostgreSQL. Add new ones at the end with the next number.
 */
export const migrations: Record<string, Migration> = {
  '001-api-keys': apiKeys,
  '002-accounts': accounts,
  '003-settings': settings,
  '004-request-logs': requestLogs,
  '005-usage-rollups': usageRollups,
  '006-stored-responses': storedResponses,
  '007-limits-and-attempts': limitsAndAttempts,
  '008-audit-and-account-events': auditAndAccountEvents,
  '009-request-log-errors-index': requestLogErrorsIndex,
};
