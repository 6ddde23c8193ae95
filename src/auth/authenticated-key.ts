import type { ApiKeyBudgets } from './api-key-budgets.js';

/** The authenticated client key, as cached in memory (never the plaintext or the hash). */
export interface AuthenticatedKey {
  id: string;
  name: string;
  isAdmin: boolean;
  requestsPerMinute: number | null;
  requestsPerDay: number | null;
  allowedModels: string[] | null;
  /** Spend limits for the usage accounting to enforce; null when none are set. */
  budgets: ApiKeyBudgets | null;
  /** Requests in flight at once, across instances; null = no limit. */
  maxConcurrency?: number | null;
  /** How long a request over `maxConcurrency` may wait for a slot; null = the settings' queue timeout. */
  queueTimeoutMs?: number | null;
}
