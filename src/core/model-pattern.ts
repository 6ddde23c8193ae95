/** Does `model` match `pattern`? Exact, case-insensitive, with `*` as a wildcard (`claude-*`). */
export function matchesModelPattern(model: string, pattern: string): boolean {
  if (!pattern.includes('*')) return model.toLowerCase() === pattern.toLowerCase();
  const expression = pattern
    .split('*')
    .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${expression}$`, 'i').test(model);
}

/** null or an empty list means "every model". */
export const modelAllowed = (model: string, patterns: readonly string[] | null | undefined): boolean =>
  !patterns || patterns.length === 0 || patterns.some((pattern) => matchesModelPattern(model, pattern));
