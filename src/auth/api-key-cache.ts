import type { Kysely } from 'kysely';
import { AuthenticationError } from '../core/errors/authentication-error.js';
import type { AuthenticatedKey } from './authenticated-key.js';
import type { ChangeBus } from '../store/change-bus.js';
import { findApiKeyByHash, type ApiKeyRow } from '../store/repositories/api-key-repository.js';
import type { Database } from '../store/schema.js';
import { parseStoredBudgets } from './api-key-budgets.js';
import { hashApiKey } from './api-key-material.js';

interface CachedKey {
  key: AuthenticatedKey;
  enabled: boolean;
  expiresAt: number | null;
}

type CacheEntry = { found: CachedKey; freshUntil: number } | { missingUntil: number };

/**
 * Client keys by SHA-256 hash, in memory. A miss reads the database once; unknown hashes are
 * remembered briefly so random bad keys cannot hammer it. Any change on the 'api-keys' topic (here
 * or on another instance) empties the cache; known keys are also re-read every few minutes, a safety
 * net should a change message ever be lost.
 */
export interface ApiKeyCache {
  /** Returns the key or throws AuthenticationError (unknown, disabled or expired). */
  authenticate(plaintext: string): Promise<AuthenticatedKey>;
  clear(): void;
  readonly size: number;
  close(): void;
}

export interface ApiKeyCacheOptions {
  db: Kysely<Database>;
  bus: ChangeBus;
  now?: () => number;
  negativeTtlMs?: number;
  positiveTtlMs?: number;
  maxEntries?: number;
}

export function createApiKeyCache(options: ApiKeyCacheOptions): ApiKeyCache {
  const now = options.now ?? Date.now;
  const negativeTtlMs = options.negativeTtlMs ?? 30_000;
  const positiveTtlMs = options.positiveTtlMs ?? 300_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, CacheEntry>();
  const pending = new Map<string, Promise<CacheEntry>>();
  let generation = 0;

  const clear = () => {
    generation += 1;
    entries.clear();
    pending.clear();
  };
  const unsubscribe = options.bus.subscribe('api-keys', clear);

  const remember = (hash: string, entry: CacheEntry) => {
    if (entries.size >= maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    entries.set(hash, entry);
  };

  const load = (hash: string): Promise<CacheEntry> => {
    const inFlight = pending.get(hash);
    if (inFlight) return inFlight;
    const startedAt = generation;
    const promise = findApiKeyByHash(options.db, hash)
      .then((row): CacheEntry => (row ? { found: toCachedKey(row), freshUntil: now() + positiveTtlMs } : { missingUntil: now() + negativeTtlMs }))
      .then((entry) => {
        // A change that raced with this read makes the result suspect: use it once, don't keep it.
        if (startedAt === generation) remember(hash, entry);
        return entry;
      })
      .finally(() => {
        if (pending.get(hash) === promise) pending.delete(hash);
      });
    pending.set(hash, promise);
    return promise;
  };

  return {
    async authenticate(plaintext) {
      if (plaintext.length === 0 || plaintext.length > 512) throw new AuthenticationError();
      const hash = hashApiKey(plaintext);
      let entry = entries.get(hash);
      if (entry && ('missingUntil' in entry ? entry.missingUntil : entry.freshUntil) <= now()) {
        entries.delete(hash);
        entry = undefined;
      }
      entry ??= await load(hash);
      if (!('found' in entry)) throw new AuthenticationError();
      const cached = entry.found;
      if (!cached.enabled) throw new AuthenticationError('This API key is disabled.');
      if (cached.expiresAt !== null && cached.expiresAt <= now()) throw new AuthenticationError('This API key has expired.');
      return cached.key;
    },
    clear,
    get size() {
      return entries.size;
    },
    close: unsubscribe,
  };
}

function toCachedKey(row: ApiKeyRow): CachedKey {
  return {
    enabled: row.enabled === 1,
    expiresAt: row.expires_at,
    key: {
      id: row.id,
      name: row.name,
      isAdmin: row.is_admin === 1,
      requestsPerMinute: row.requests_per_minute,
      requestsPerDay: row.requests_per_day,
      allowedModels: parseModelList(row.allowed_models),
      budgets: parseStoredBudgets(row.budgets),
      maxConcurrency: row.max_concurrency,
      queueTimeoutMs: row.queue_timeout_ms,
    },
  };
}

function parseModelList(value: string | null): string[] | null {
  if (value === null) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : null;
  } catch {
    return null;
  }
}
