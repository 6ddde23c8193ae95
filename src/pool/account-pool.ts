import type { AccountRecord, AccountStore } from '../accounts/account-record.js';
import { ModelUnavailableError, NoAccountAvailableError, RateLimitedError } from '../core/errors/index.js';
import type { Logger } from '../logging/logger.js';
import type { Settings } from '../settings/settings-schema.js';
import { reportAccountOutcome, type HealthDependencies } from './apply-health-action.js';
import type { HealthAction, RequestOutcome } from './health-policy.js';
import { ModelExclusions } from './model-exclusions.js';
import { accountsInRotation, accountsServing } from './accounts-serving.js';
import { selectAccount, type StickyOutcome } from './select-account.js';
import type { PoolState } from './state/pool-state.js';
import { sessionKeyToPin, type SessionKey } from './session-key.js';
import { StickySessions } from './sticky-sessions.js';
import { throwIfCancelled, type CancelSignal } from '../core/cancel-signal.js';

export interface AcquireInput {
  /** The upstream model (after mapping); only accounts serving it are candidates. */
  model: string;
  /** Scope of sticky sessions: two client keys never share a mapping. */
  clientKeyId: string;
  /** Pins the conversation to one account (see SessionKey). */
  sessionKey?: SessionKey;
  /** The conversation carries signed thinking: wait for its account rather than move. */
  hasSignedThinking?: boolean;
  /** Accounts already tried for this request. */
  exclude?: ReadonlySet<string>;
  signal?: CancelSignal;
  /** Called once, when the request starts to wait for an account (`queue_timeout_ms`). */
  onWait?: () => void;
  /**
   * Called once before the first round trip to a shared state (Redis), with the accounts that may serve the
   * request: under load, a large parsed body kept across those round trips outlives the young generation and
   * costs the collector more than parsing it again would, where it is needed again at all.
   */
  beforeRoundTrips?: (candidates: readonly AccountRecord[]) => void;
}

export interface Lease {
  account: AccountRecord;
  /** What happened to the session's pinned account (see StickyOutcome); `moved` with signed thinking means strip signatures. */
  sticky: StickyOutcome;
  /** Frees the concurrency slot and applies the health policy to the outcome. Idempotent; never throws. */
  release(outcome: RequestOutcome): Promise<void>;
}

export interface LiveAccountState {
  rpm_now: number;
  in_flight: number;
  cooldown_until: string | null;
}

export interface AccountPoolOptions {
  /** Lease lifetime without renewal (a crashed instance's slots free after this); renewed every third of it. */
  leaseTtlMs?: number;
  /** A pinned account cooling down for at most this long keeps its sessions. */
  stickyGraceMs?: number;
  /** How long a signed-thinking conversation waits for its pinned account at least. */
  signedThinkingWaitMs?: number;
  /** Longest single wait while queueing (releases on other instances are seen by polling). */
  pollIntervalMs?: number;
  /** Renewal stops after this long, so a lease that is never released cannot pin memory or a slot forever. */
  maxLeaseHoldMs?: number;
}

export interface AccountPoolDependencies {
  store: AccountStore;
  settings: () => Settings;
  state: PoolState;
  logger: Logger;
  now?: () => number;
  random?: () => number;
  options?: AccountPoolOptions;
  /** Told after the health policy changed an account's status (for webhooks and metrics). */
  onHealthAction?: (account: AccountRecord, action: HealthAction) => void;
}

/**
 * Picks an account per request, holds a concurrency slot for it and feeds outcomes into the health
 * policy. When every candidate is at its limits the request waits up to `settings.queue_timeout_ms`
 * (0 = answer at once) and then gets a 429 with retry-after: RateLimitedError when limits are the
 * cause, NoAccountAvailableError with retry-after when every candidate is cooling down. When no
 * account can serve the model at all: NoAccountAvailableError without retry-after (503).
 */
export class AccountPool {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sticky: StickySessions;
  private readonly leaseTtlMs: number;
  private readonly stickyGraceMs: number;
  private readonly signedThinkingWaitMs: number;
  private readonly pollIntervalMs: number;
  private readonly maxLeaseHoldMs: number;
  private readonly health: HealthDependencies;
  /** Accounts that refused a model are not offered it for a while (not a failure of the account). */
  private readonly modelExclusions = new ModelExclusions();

  constructor(private readonly dependencies: AccountPoolDependencies) {
    this.now = dependencies.now ?? Date.now;
    this.random = dependencies.random ?? Math.random;
    this.sticky = new StickySessions(dependencies.state);
    const options = dependencies.options ?? {};
    this.leaseTtlMs = options.leaseTtlMs ?? 600_000;
    this.stickyGraceMs = options.stickyGraceMs ?? 10_000;
    this.signedThinkingWaitMs = options.signedThinkingWaitMs ?? 10_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.maxLeaseHoldMs = options.maxLeaseHoldMs ?? 3_600_000;
    this.health = {
      store: dependencies.store,
      state: dependencies.state,
      logger: dependencies.logger,
      now: this.now,
      onHealthAction: dependencies.onHealthAction,
    };
  }

  async acquire(input: AcquireInput): Promise<Lease> {
    const settings = this.dependencies.settings();
    const started = this.now();
    const queueUntil = started + settings.queue_timeout_ms;
    const candidates = accountsInRotation(accountsServing(this.dependencies.store.list(), input.model));
    // Before beforeRoundTrips: a prefix key reads the parsed request, which that may let go.
    const sessionKey = settings.sticky_session_ttl_seconds > 0 ? sessionKeyToPin(input.sessionKey, candidates.length) : undefined;
    if (this.dependencies.state.remote) input.beforeRoundTrips?.(candidates);
    const stickyTtlMs = settings.sticky_session_ttl_seconds * 1000;
    // A mapping found restarts its TTL as it is read: a session served by its account needs no second write.
    const stickyAccountId = sessionKey ? await this.sticky.lookup(input.clientKeyId, sessionKey, stickyTtlMs) : null;
    const stickyWaitUntil = input.hasSignedThinking && stickyAccountId ? started + Math.max(settings.queue_timeout_ms, this.signedThinkingWaitMs) : null;
    let waited = false;
    for (;;) {
      throwIfCancelled(input.signal);
      const now = this.now();
      const result = await selectAccount(
        {
          store: this.dependencies.store,
          state: this.dependencies.state,
          strategy: settings.routing_strategy,
          now,
          random: this.random,
          leaseTtlMs: this.leaseTtlMs,
          stickyGraceMs: this.stickyGraceMs,
        },
        {
          model: input.model,
          exclude: this.modelExclusions.withExcluded(input.model, now, input.exclude),
          hasSession: sessionKey !== undefined,
          stickyAccountId,
          hasSignedThinking: input.hasSignedThinking ?? false,
          stickyWaitUntil: stickyWaitUntil !== null && now < stickyWaitUntil ? stickyWaitUntil : null,
        },
      );
      if (result.kind === 'acquired') {
        const lease = this.createLease(result.account, result.leaseId, result.sticky, input.model);
        if (sessionKey && (result.sticky === 'new' || result.sticky === 'moved')) {
          await this.sticky.remember(input.clientKeyId, sessionKey, result.account.id, stickyTtlMs).catch((error: unknown) => {
            this.dependencies.logger.warn({ accountId: result.account.id, err: error }, 'saving the sticky session failed');
          });
        }
        return lease;
      }
      const waitUntil = result.reason === 'sticky' && stickyWaitUntil !== null ? Math.max(queueUntil, stickyWaitUntil) : queueUntil;
      const remaining = waitUntil - now;
      // A cooldown ends at a known time: fail fast when it ends after the wait would. Slots may free sooner than hinted.
      if (remaining <= 0 || (result.reason === 'cooling' && result.retryAfterMs > remaining)) {
        throw this.busyError(input.model, result.reason, result.retryAfterMs);
      }
      if (!waited) input.onWait?.();
      waited = true;
      await this.dependencies.state.waitForRelease(Math.min(result.retryAfterMs, remaining, this.pollIntervalMs), input.signal);
    }
  }

  /** Applies the health policy to an outcome without a lease (health checks, calls made outside acquire). */
  async reportOutcome(accountId: string, outcome: RequestOutcome): Promise<HealthAction> {
    return await reportAccountOutcome(this.health, accountId, outcome);
  }

  /**
   * Forgets an account's shared cooldown and failure count, for an operator who re-enabled it or set
   * it active by hand (the stored status is the admin service's to change). Leases are left alone.
   */
  async resetAccount(accountId: string): Promise<void> {
    await this.dependencies.state.setCooldown(accountId, null, this.now());
    await this.dependencies.state.resetFailures(accountId);
  }

  async liveState(accountId: string): Promise<LiveAccountState> {
    return (await this.liveStates([accountId])).get(accountId) ?? { rpm_now: 0, in_flight: 0, cooldown_until: null };
  }

  /** Live numbers of several accounts in one state read (the admin account list). */
  async liveStates(accountIds: readonly string[]): Promise<Map<string, LiveAccountState>> {
    const now = this.now();
    const accounts = accountIds.map((id) => {
      const account = this.dependencies.store.get(id);
      return { id, account, requestsPerMinute: account?.requestsPerMinute ?? null, maxConcurrency: account?.maxConcurrency ?? null };
    });
    const usage = await this.dependencies.state.usage(accounts, now);
    const result = new Map<string, LiveAccountState>();
    for (const [index, { id, account }] of accounts.entries()) {
      const live = usage[index];
      const stored = account && account.status !== 'active' && account.status !== 'disabled' ? (account.cooldownUntil ?? 0) : 0;
      const cooldownUntil = Math.max(stored, live?.cooldownUntil ?? 0);
      result.set(id, {
        rpm_now: live?.rpmNow ?? 0,
        in_flight: live?.inFlight ?? 0,
        cooldown_until: cooldownUntil > now ? new Date(cooldownUntil).toISOString() : null,
      });
    }
    return result;
  }

  private createLease(account: AccountRecord, leaseId: string, sticky: StickyOutcome, model: string): Lease {
    const { state, logger } = this.dependencies;
    const renewUntil = this.now() + this.maxLeaseHoldMs;
    const renewal = setInterval(() => {
      if (this.now() > renewUntil) return void clearInterval(renewal);
      state.renewLease(account.id, leaseId, this.now(), this.leaseTtlMs).catch((error: unknown) => {
        logger.warn({ accountId: account.id, err: error }, 'lease renewal failed');
      });
    }, Math.max(1_000, Math.floor(this.leaseTtlMs / 3)));
    renewal.unref();
    let released = false;
    return {
      account,
      sticky,
      release: async (outcome) => {
        if (released) return;
        released = true;
        clearInterval(renewal);
        if (!outcome.ok && outcome.error instanceof ModelUnavailableError) this.modelExclusions.exclude(account.id, model, this.now());
        // A success resets the failure count with the release, in one step of the shared state.
        let failuresReset = false;
        try {
          await state.releaseLease(account.id, leaseId, outcome.ok);
          failuresReset = outcome.ok;
        } catch (error) {
          logger.warn({ accountId: account.id, err: error }, 'releasing an account slot failed; its lease will expire');
        }
        try {
          await reportAccountOutcome(this.health, account.id, outcome, failuresReset);
        } catch (error) {
          logger.error({ accountId: account.id, err: error }, 'applying the health policy failed');
        }
      },
    };
  }

  private busyError(model: string, reason: 'limits' | 'cooling' | 'sticky', retryAfterMs: number): Error {
    const wait = Math.max(1, Math.ceil(retryAfterMs));
    if (reason === 'cooling') {
      return new NoAccountAvailableError(`Every account for model "${model}" is cooling down; retry later.`, wait);
    }
    return new RateLimitedError(`Every account for model "${model}" is at its request or concurrency limit; retry later.`, wait);
  }
}
