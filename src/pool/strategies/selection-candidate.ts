import type { AccountRecord } from '../../accounts/account-record.js';

/** An account that may serve the request, with its live numbers. Strategies only order these. */
export interface SelectionCandidate {
  account: AccountRecord;
  rpmNow: number;
  inFlight: number;
}
