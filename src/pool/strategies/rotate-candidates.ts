/** The list started at `cursor` modulo its length, wrapping around: the round-robin position. */
export function rotateCandidates<T>(items: readonly T[], cursor: number): T[] {
  if (items.length === 0) return [];
  const start = ((Math.trunc(cursor) % items.length) + items.length) % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}
