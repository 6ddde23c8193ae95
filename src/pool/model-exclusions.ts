/**
 * Per-(account, model) exclusions: an account refused a model (ModelUnavailableError), so it is not
 * offered that model again until the exclusion ends. The account itself stays healthy for every
 * other model. Kept in this process only: another instance learns the same refusal with one extra,
 * failed-over attempt. Bounded: expired entries are swept and the oldest dropped past `maxEntries`.
 */
export class ModelExclusions {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly durationMs = 30 * 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  exclude(accountId: string, model: string, now: number): void {
    const key = keyOf(accountId, model);
    this.until.delete(key);
    this.until.set(key, now + this.durationMs);
    if (this.until.size > this.maxEntries) this.sweep(now);
  }

  /** The accounts excluded for `model` now, added to `base` (a new set; `base` is not changed). */
  withExcluded(model: string, now: number, base: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
    let result: Set<string> | undefined;
    const suffix = `\u0000${model}`;
    for (const [key, until] of this.until) {
      if (until <= now || !key.endsWith(suffix)) continue;
      result ??= new Set(base);
      result.add(key.slice(0, -suffix.length));
    }
    return result ?? base;
  }

  /** Ends an account's exclusions (its credentials or plan changed). */
  forgetAccount(accountId: string): void {
    const prefix = `${accountId}\u0000`;
    for (const key of [...this.until.keys()]) if (key.startsWith(prefix)) this.until.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
    while (this.until.size > this.maxEntries) {
      const oldest = this.until.keys().next().value;
      if (oldest === undefined) break;
      this.until.delete(oldest);
    }
  }
}

const keyOf = (accountId: string, model: string): string => `${accountId}\u0000${model}`;
