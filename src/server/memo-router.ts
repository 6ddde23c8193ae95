import type { Result, Router } from 'hono/router';
import { TrieRouter } from 'hono/router/trie-router';

/** Distinct method and path pairs remembered: the client API's few paths, and room for the dashboard's. */
const defaultCapacity = 1024;
/** Longer paths are matched afresh each time, so the memory held stays small whatever clients send. */
const longestKeptPath = 256;

/**
 * A router that remembers what it matched for each method and path. Hono's fast RegExpRouter cannot
 * hold this route table (a static segment beside a parameter with deeper paths: `/admin/accounts/bulk`
 * and `/admin/accounts/:id/test`), so every request would walk the trie again through a dozen
 * middleware patterns. The same path always matches the same handlers and parameters, so the result is
 * kept; once full, further paths (and long ones) are matched without being kept, so made-up paths
 * cannot grow it.
 */
export class MemoRouter<T> implements Router<T> {
  readonly name: string;
  private readonly results = new Map<string, Result<T>>();

  constructor(
    private readonly inner: Router<T> = new TrieRouter<T>(),
    private readonly capacity = defaultCapacity,
  ) {
    this.name = `MemoRouter + ${inner.name}`;
  }

  add(method: string, path: string, handler: T): void {
    this.results.clear();
    this.inner.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    let result = this.results.get(key);
    if (result === undefined) {
      result = this.inner.match(method, path);
      if (this.results.size < this.capacity && path.length <= longestKeptPath) this.results.set(key, result);
    }
    return result;
  }
}
