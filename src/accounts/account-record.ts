import type { Balance } from '../providers/provider-adapter.js';
import type { ProviderName } from '../providers/provider-name.js';
import type { AccountCredentials, UpstreamAccount } from '../providers/upstream-account.js';

/**
 * Persisted health of an account. `active` serves traffic; `cooling` is out until `cooldownUntil`
 * (429, transient errors); `quota_exhausted` is out until its reset; `disabled` needs an operator or
 * the scheduled health check (dead credential, suspension, or disabled by hand when `enabled` is false).
 */
export type AccountStatus = 'active' | 'cooling' | 'quota_exhausted' | 'disabled';

/** An account as the pool sees it: cached in memory, credentials decrypted, no database read per request. */
export interface AccountRecord {
  id: string;
  name: string;
  provider: ProviderName;
  /** Operator switch; a disabled account is never selected, whatever its status. */
  enabled: boolean;
  upstream: UpstreamAccount;
  requestsPerMinute: number | null;
  maxConcurrency: number | null;
  weight: number;
  priority: number;
  /** Served models (exact names or `*` globs); null means any model. */
  models: string[] | null;
  status: AccountStatus;
  statusReason: string | null;
  statusChangedAt: number | null;
  cooldownUntil: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  balance: Balance | null;
  balanceThreshold: number | null;
  initialBalance: number | null;
}

export interface AccountStatePatch {
  status?: AccountStatus;
  statusReason?: string | null;
  cooldownUntil?: number | null;
  lastError?: string | null;
}

/** The in-memory account cache, kept current across instances; the single source the pool reads. */
export interface AccountStore {
  /** Every account; the same array may be given again until one changes, so it is never changed in place. */
  list(): readonly AccountRecord[];
  get(id: string): AccountRecord | undefined;
  /** Records a health change (with reason and time) and refreshes the cache everywhere. */
  updateState(id: string, patch: AccountStatePatch): Promise<void>;
  /** Persists rotated credentials, encrypted (new refresh token, cached access token). */
  saveCredentials(id: string, update: Partial<AccountCredentials>): Promise<void>;
  saveBalance(id: string, balance: Balance): Promise<void>;
}
