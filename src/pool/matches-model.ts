/**
 * True when `model` matches a pattern: an exact name or a glob where `*` stands for any run of
 * characters (`claude-*`, `*-mini`, `*`). Case-insensitive. Linear two-pointer matching, no regular
 * expressions built from operator input.
 */
export function matchesGlob(pattern: string, text: string): boolean {
  const glob = pattern.toLowerCase();
  const value = text.toLowerCase();
  let globIndex = 0;
  let valueIndex = 0;
  let starIndex = -1;
  let resumeIndex = 0;
  while (valueIndex < value.length) {
    if (globIndex < glob.length && glob[globIndex] === '*') {
      starIndex = globIndex;
      resumeIndex = valueIndex;
      globIndex += 1;
    } else if (globIndex < glob.length && glob[globIndex] === value[valueIndex]) {
      globIndex += 1;
      valueIndex += 1;
    } else if (starIndex >= 0) {
      globIndex = starIndex + 1;
      resumeIndex += 1;
      valueIndex = resumeIndex;
    } else {
      return false;
    }
  }
  while (globIndex < glob.length && glob[globIndex] === '*') globIndex += 1;
  return globIndex === glob.length;
}

/** Whether an account with these served-model patterns serves `model`; null or empty list = any model. */
export function matchesModel(models: readonly string[] | null, model: string): boolean {
  if (models === null || models.length === 0) return true;
  return models.some((pattern) => matchesGlob(pattern, model));
}
