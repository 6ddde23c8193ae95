import type { Dispatcher } from 'undici';
import type { Logger } from 'pino';
import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import type { AccountCredentials, UpstreamAccount } from '../upstream-account.js';
import { refreshOidcToken, type RefreshedToken, type RefreshInput } from './refresh-oidc.js';
import { refreshSocialToken } from './refresh-social.js';
import type { AmazonQEndpoints } from './resolve-amazonq-endpoints.js';

/** What the token manager needs from the caller of one request. */
export interface TokenRequestContext {
  dispatcher: Dispatcher;
  logger: Logger;
  userAgent: string;
  saveCredentials(update: Partial<AccountCredentials>): Promise<void>;
}

export interface TokenManagerOptions {
  now?: () => number;
  random?: () => number;
  /** Refresh this long before expiry (plus jitter). */
  refreshAheadMs?: number;
  /** Up to this much extra lead, random per account, so a pool's refreshes spread out. */
  jitterMs?: number;
  refreshOidc?: (input: RefreshInput) => Promise<RefreshedToken>;
  refreshSocial?: (input: RefreshInput) => Promise<RefreshedToken>;
}

const maxKnownRefreshTokens = 4;

function apiKeyOf(account: UpstreamAccount): string {
  const key = account.credentials.api_key;
  if (!key) throw new CredentialInvalidError('The account is set to use a Kiro API key but has none.', { refreshable: false });
  return key;
}

interface TokenState {
  accessToken?: string;
  expiresAt: number;
  /** The newest refresh token (rotated ones are kept here before the store has them). */
  refreshToken: string;
  /** Refresh tokens known to belong to this state; anything else means the operator replaced it. */
  knownRefreshTokens: Set<string>;
  jitterMs: number;
  profileArn?: string;
  /** Whether this process has refreshed the token (a stored token says nothing about the profile ARN). */
  refreshed?: boolean;
  inflight?: Promise<string>;
}

/**
 * Access tokens per account: cached with their expiry (seeded from the stored `access_token`),
 * refreshed ahead of expiry with jitter, one refresh at a time per account (concurrent requests
 * await the same one), rotated refresh tokens persisted through `saveCredentials`.
 */
export class AmazonQTokenManager {
  private readonly states = new Map<string, TokenState>();
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly refreshAheadMs: number;
  private readonly jitterMs: number;
  private readonly refreshOidc: (input: RefreshInput) => Promise<RefreshedToken>;
  private readonly refreshSocial: (input: RefreshInput) => Promise<RefreshedToken>;

  constructor(options: TokenManagerOptions = {}) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.refreshAheadMs = options.refreshAheadMs ?? 5 * 60_000;
    this.jitterMs = options.jitterMs ?? 60_000;
    this.refreshOidc = options.refreshOidc ?? refreshOidcToken;
    this.refreshSocial = options.refreshSocial ?? refreshSocialToken;
  }

  /** A usable access token, refreshing first when it is missing or close to expiry. */
  async getAccessToken(account: UpstreamAccount, endpoints: AmazonQEndpoints, context: TokenRequestContext): Promise<string> {
    if (endpoints.authMethod === 'api_key') return apiKeyOf(account);
    const state = this.stateFor(account);
    if (state.inflight) return state.inflight;
    // Social accounts need the profile ARN only a refresh reports, so a stored token is refreshed once unless the ARN is configured.
    const needsProfileArn = endpoints.authMethod === 'social' && !account.settings.profile_arn && !state.profileArn && !state.refreshed;
    const stored = state.accessToken;
    if (stored && this.now() < state.expiresAt - this.refreshAheadMs - state.jitterMs) {
      if (!needsProfileArn) return stored;
      // Only the ARN is missing: a refresh that fails for a passing reason falls back to the still valid token.
      const attempt = this.refresh(account, endpoints, state, context).catch((error: unknown) => {
        if (error instanceof CredentialInvalidError) throw error;
        state.refreshed = true;
        context.logger.warn({ accountId: account.id, err: (error as Error).message }, 'could not refresh to learn the Kiro profile ARN');
        return stored;
      });
      state.inflight = attempt;
      return attempt;
    }
    return this.refresh(account, endpoints, state, context);
  }

  /**
   * Refreshes after the upstream rejected `rejectedToken`. When another request already replaced
   * that token, the newer one is returned without a second refresh.
   */
  async forceRefresh(account: UpstreamAccount, endpoints: AmazonQEndpoints, context: TokenRequestContext, rejectedToken: string): Promise<string> {
    if (endpoints.authMethod === 'api_key') {
      // A key has nothing to refresh: a rejected key is a dead credential.
      throw new CredentialInvalidError('The upstream rejected the Kiro API key.', { refreshable: false });
    }
    const state = this.stateFor(account);
    if (state.inflight) return state.inflight;
    if (state.accessToken && state.accessToken !== rejectedToken && this.now() < state.expiresAt) return state.accessToken;
    state.accessToken = undefined;
    return this.refresh(account, endpoints, state, context);
  }

  /** The profile ARN a Kiro social refresh reported, or the one looked up for an Enterprise account, if any. */
  profileArn(accountId: string): string | undefined {
    return this.states.get(accountId)?.profileArn;
  }

  /** Remembers an Enterprise account's own profile ARN (from ListAvailableProfiles) for this process. */
  rememberProfileArn(account: UpstreamAccount, profileArn: string): void {
    this.stateFor(account).profileArn = profileArn;
  }

  /** Forgets an account (deleted or credentials replaced). */
  forget(accountId: string): void {
    this.states.delete(accountId);
  }

  private stateFor(account: UpstreamAccount): TokenState {
    const stored = account.credentials.refresh_token ?? '';
    const existing = this.states.get(account.id);
    if (existing && (stored === '' || existing.knownRefreshTokens.has(stored))) return existing;
    const state: TokenState = {
      accessToken: account.credentials.access_token || undefined,
      expiresAt: account.credentials.access_token_expires_at ?? 0,
      refreshToken: stored,
      knownRefreshTokens: new Set([stored]),
      jitterMs: Math.floor(this.random() * this.jitterMs),
    };
    this.states.set(account.id, state);
    return state;
  }

  private refresh(account: UpstreamAccount, endpoints: AmazonQEndpoints, state: TokenState, context: TokenRequestContext): Promise<string> {
    const run = async (): Promise<string> => {
      if (!state.refreshToken) {
        throw new CredentialInvalidError('The account has no refresh token.', { refreshable: false });
      }
      const input: RefreshInput = {
        authUrl: endpoints.authUrl,
        refreshToken: state.refreshToken,
        clientId: account.credentials.client_id,
        clientSecret: account.credentials.client_secret,
        userAgent: context.userAgent,
        dispatcher: context.dispatcher,
        now: this.now(),
      };
      const refreshed = endpoints.authMethod === 'idc' ? await this.refreshOidc(input) : await this.refreshSocial(input);
      state.accessToken = refreshed.accessToken;
      state.expiresAt = refreshed.expiresAt;
      state.jitterMs = Math.floor(this.random() * this.jitterMs);
      state.refreshed = true;
      if (refreshed.profileArn) state.profileArn = refreshed.profileArn;
      const update: Partial<AccountCredentials> = { access_token: refreshed.accessToken, access_token_expires_at: refreshed.expiresAt };
      if (refreshed.refreshToken && refreshed.refreshToken !== state.refreshToken) {
        state.refreshToken = refreshed.refreshToken;
        state.knownRefreshTokens.add(refreshed.refreshToken);
        if (state.knownRefreshTokens.size > maxKnownRefreshTokens) {
          const oldest = state.knownRefreshTokens.values().next().value;
          if (oldest !== undefined) state.knownRefreshTokens.delete(oldest);
        }
        update.refresh_token = refreshed.refreshToken;
      }
      try {
        await context.saveCredentials(update);
      } catch (error) {
        context.logger.warn({ accountId: account.id, err: (error as Error).message }, 'could not persist refreshed Amazon Q credentials');
      }
      return refreshed.accessToken;
    };
    const inflight = run().finally(() => {
      state.inflight = undefined;
    });
    state.inflight = inflight;
    return inflight;
  }
}
