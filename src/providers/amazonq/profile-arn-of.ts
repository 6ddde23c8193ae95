import type { UpstreamAccount } from '../upstream-account.js';
import type { AmazonQFlavour } from './amazonq-flavour.js';
import { findOwnProfileArn } from './list-available-profiles.js';
import type { AmazonQEndpoints } from './resolve-amazonq-endpoints.js';
import type { AmazonQTokenManager, TokenRequestContext } from './token-manager.js';
import type { Dispatcher } from 'undici';
import type { CancelSignal } from '../../core/cancel-signal.js';

/** The placeholder Kiro writes into Builder ID token files and the ARN many free social accounts share. */
export const sharedProfileArns: ReadonlySet<string> = new Set([
  'arn:aws:codewhisperer:us-east-1:638616132270:profile/AAAACCCCXXXX',
  'arn:aws:codewhisperer:us-east-1:699475941385:profile/EHGA3GRVQMUK',
]);

/**
 * The profile ARN an account sends, by kind (§8.2): social accounts their own (configured, else the
 * one the refresh reported); Enterprise accounts only their own (configured, else looked up with
 * ListAvailableProfiles), never a placeholder; Kiro Builder ID accounts none; Q CLI Builder ID and
 * API-key accounts only a configured one that is not a shared placeholder.
 */
export function profileArnOf(account: UpstreamAccount, endpoints: AmazonQEndpoints, tokens: AmazonQTokenManager): string | undefined {
  const configured = account.settings.profile_arn?.trim() || undefined;
  switch (endpoints.kind) {
    case 'social':
      return configured ?? tokens.profileArn(account.id);
    case 'enterprise':
      return configured && !sharedProfileArns.has(configured) ? configured : tokens.profileArn(account.id);
    case 'builder_id':
      // Kiro Builder ID logins need none (kiro.rs #161); a Q CLI account sends the profile its operator chose.
      return account.provider === 'amazonq' && configured && !sharedProfileArns.has(configured) ? configured : undefined;
    case 'api_key':
      return configured && !sharedProfileArns.has(configured) ? configured : undefined;
    default: {
      const unreachable: never = endpoints.kind;
      return unreachable;
    }
  }
}

export interface EnsureProfileArnInput {
  account: UpstreamAccount;
  endpoints: AmazonQEndpoints;
  flavour: AmazonQFlavour;
  tokens: AmazonQTokenManager;
  tokenContext: TokenRequestContext;
  dispatcher: Dispatcher;
  signal: CancelSignal;
}

const lookups = new WeakMap<AmazonQTokenManager, Map<string, Promise<string>>>();

/**
 * An Enterprise account without its own ARN looks it up once (concurrent calls share the lookup);
 * the answer is kept by the token manager. Other kinds return at once.
 */
export async function ensureProfileArn(input: EnsureProfileArnInput): Promise<void> {
  if (input.endpoints.kind !== 'enterprise' || profileArnOf(input.account, input.endpoints, input.tokens)) return;
  let running = lookups.get(input.tokens);
  if (!running) lookups.set(input.tokens, (running = new Map()));
  let lookup = running.get(input.account.id);
  if (!lookup) {
    const map = running;
    lookup = findOwnProfileArn(input)
      .then((arn) => {
        input.tokens.rememberProfileArn(input.account, arn);
        input.tokenContext.logger.info({ accountId: input.account.id, profileArn: arn }, 'found the profile ARN of an Enterprise account');
        return arn;
      })
      .finally(() => map.delete(input.account.id));
    running.set(input.account.id, lookup);
  }
  await lookup;
}
