import type { AccountRecord } from '../accounts/account-record.js';
import { servingAccountAvailability } from './account-availability.js';

/**
 * How many accounts a large pool's first usage read covers; each further read of the same request takes
 * four times as many as the one before. A pool this size or smaller is read whole, once, as one batch.
 */
export const firstBatchSize = 32;
const growth = 4;

/** Accounts that may serve the request (before their live numbers are known), read together. */
export interface EligibleBatch {
  accounts: AccountRecord[];
  /** Per account, the end of its stored cooldown (0 when none), for cooling accounts read with the rest. */
  storedCooldownEnds: number[];
}

export interface EligibleInput {
  now: number;
  exclude?: ReadonlySet<string>;
  /** The session's pinned account, which is read on its own. */
  skipId?: string;
  /**
   * Whether accounts in a stored cooldown go into the batches (their shared cooldown may end later, which
   * the retry hint then tells). When not, they are left out of the reads and only the soonest end of their
   * cooldowns is kept, in `skippedCoolingUntil`: a large pool's reads then hold only accounts that may be free.
   */
  readCooling: boolean;
  skippedCoolingUntil: { soonest: number };
}

/**
 * Cuts the accounts, in the order given, into batches of eligible ones: `firstSize` at first, then
 * growing, never across two segments. Accounts that cannot serve now (excluded, balance below the
 * threshold, disabled or out of quota) are skipped as they are reached, so a request that finds a free
 * account in its first batch never looks at the rest. Always yields at least one batch, maybe empty.
 */
export function* eligibleBatches(segments: Iterable<readonly AccountRecord[]>, input: EligibleInput, firstSize: number): Generator<EligibleBatch> {
  let size = Math.max(1, firstSize);
  let batch: EligibleBatch = { accounts: [], storedCooldownEnds: [] };
  let yielded = false;
  for (const segment of segments) {
    for (const account of segment) {
      if (!admit(account, input, batch)) continue;
      if (batch.accounts.length === size) {
        yield batch;
        yielded = true;
        batch = { accounts: [], storedCooldownEnds: [] };
        size *= growth;
      }
    }
    if (batch.accounts.length > 0) {
      yield batch;
      yielded = true;
      batch = { accounts: [], storedCooldownEnds: [] };
      size *= growth;
    }
  }
  if (!yielded) yield batch;
}

/** The eligible accounts of a small pool, all in one batch (eligibleBatches without the batching). */
export function eligibleBatch(accounts: readonly AccountRecord[], input: EligibleInput): EligibleBatch {
  const batch: EligibleBatch = { accounts: [], storedCooldownEnds: [] };
  for (const account of accounts) admit(account, input, batch);
  return batch;
}

/** Adds the account to the batch when it may serve now or after a stored cooldown that is read; says whether it did. */
function admit(account: AccountRecord, input: EligibleInput, batch: EligibleBatch): boolean {
  if (account.id === input.skipId) return false;
  const availability = servingAccountAvailability(account, input);
  if (availability.kind === 'unavailable') return false;
  if (availability.kind === 'cooling' && !input.readCooling) {
    input.skippedCoolingUntil.soonest = Math.min(input.skippedCoolingUntil.soonest, availability.until);
    return false;
  }
  batch.accounts.push(account);
  batch.storedCooldownEnds.push(availability.kind === 'cooling' ? availability.until : 0);
  return true;
}
