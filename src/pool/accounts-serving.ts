import type { AccountRecord } from '../accounts/account-record.js';
import { servingAccountAvailability } from './account-availability.js';
import { matchesModel } from './matches-model.js';

/** Answers remembered per account list: the store gives the same list until an account changes. */
const servingByList = new WeakMap<readonly AccountRecord[], Map<string, readonly AccountRecord[]>>();
/**
 * Model names remembered per list (clients choose them). Each answer holds at most the whole list,
 * so this bounds the memory to this many lists' worth; past it the answers start afresh.
 */
const maxRememberedModels = 256;

/**
 * The enabled accounts of `accounts` that serve `model`, in list order. Worked out once per list and
 * model: the pool asks on every request, and a pool of hundreds would otherwise match every account's
 * patterns each time. What changes between requests (cooldowns, limits, exclusions) is not part of it.
 */
export function accountsServing(accounts: readonly AccountRecord[], model: string): readonly AccountRecord[] {
  let byModel = servingByList.get(accounts);
  if (!byModel) servingByList.set(accounts, (byModel = new Map()));
  let serving = byModel.get(model);
  if (serving === undefined) {
    serving = accounts.filter((account) => account.enabled && matchesModel(account.models, model));
    if (byModel.size >= maxRememberedModels) byModel.clear();
    byModel.set(model, serving);
  }
  return serving;
}

/** The in-rotation part of each serving list (see accountsInRotation). */
const rotationByList = new WeakMap<readonly AccountRecord[], readonly AccountRecord[]>();

/**
 * The accounts of a serving list (as accountsServing gives it) that can serve at some time without an
 * operator: not disabled, not out of quota without a reset, balance not below its threshold. Remembered
 * per list, since a record changes only with a new list. A large pool takes turns over these, so that a
 * run of dead accounts does not give the live one after it every turn that starts inside the run.
 */
export function accountsInRotation(serving: readonly AccountRecord[]): readonly AccountRecord[] {
  let rotation = rotationByList.get(serving);
  if (rotation === undefined) {
    rotation = serving.filter((account) => servingAccountAvailability(account, { now: 0 }).kind !== 'unavailable');
    rotationByList.set(serving, rotation);
  }
  return rotation;
}
