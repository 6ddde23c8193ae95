/** One model of an account's ListAvailableModels answer. */
export interface AmazonQModelInfo {
  modelId: string;
  maxInputTokens?: number;
  maxOutputTokens?: number;
}

export type AmazonQModelTable = ReadonlyMap<string, AmazonQModelInfo>;

interface Entry {
  table: Map<string, AmazonQModelInfo>;
  fetchedAt: number;
}

/**
 * The models each account may use, from its own ListAvailableModels (plans and Enterprise profiles
 * differ; free accounts lost Opus in 2026). Loaded on first use and again after `ttlMs`; one load at
 * a time per account; a failed load keeps the previous table (or none: then requests go out unchecked).
 */
export class AccountModelTables {
  private readonly entries = new Map<string, Entry>();
  private readonly loads = new Map<string, Promise<AmazonQModelTable | undefined>>();

  constructor(
    private readonly ttlMs = 60 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores a freshly listed table. */
  remember(accountId: string, models: readonly AmazonQModelInfo[]): AmazonQModelTable {
    const table = new Map(models.map((model) => [model.modelId, model]));
    this.entries.set(accountId, { table, fetchedAt: this.now() });
    return table;
  }

  /** The account's table, loading it when missing or stale. Never throws. */
  async tableFor(accountId: string, load: () => Promise<readonly AmazonQModelInfo[]>, onError: (error: unknown) => void): Promise<AmazonQModelTable | undefined> {
    const entry = this.entries.get(accountId);
    if (entry && this.now() - entry.fetchedAt < this.ttlMs) return entry.table;
    const running = this.loads.get(accountId);
    if (running) return running;
    const loading = load()
      .then((models) => this.remember(accountId, models))
      .catch((error: unknown) => {
        onError(error);
        if (entry) entry.fetchedAt = this.now(); // try again after another ttl, not on every request
        return entry?.table;
      })
      .finally(() => this.loads.delete(accountId));
    this.loads.set(accountId, loading);
    return loading;
  }

  /** The last table learnt for an account, fresh or not (no I/O). */
  known(accountId: string): AmazonQModelTable | undefined {
    return this.entries.get(accountId)?.table;
  }

  forget(accountId: string): void {
    this.entries.delete(accountId);
  }
}
