import { InternalError } from '../../core/errors/internal-error.js';

/**
 * A call of `use(value)` that can be made once, after which `value` is let go. An adapter opens its
 * upstream call lazily, and the opener stays reachable for as long as the answer streams (minutes,
 * for a coding agent): it must not keep the client's request, hundreds of kilobytes, that long.
 * `value` is passed in rather than captured, so the caller's closures need not name it at all.
 */
export function callOnce<T, R>(value: T, use: (value: T) => R): () => R {
  let held: { value: T } | undefined = { value };
  return () => {
    if (!held) throw new InternalError('The upstream call was opened twice.');
    const taken = held.value;
    held = undefined;
    return use(taken);
  };
}
