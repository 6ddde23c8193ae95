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

/** Answers remembered per pattern list: the pool asks about every account's list on every request. */
const answers = new WeakMap<readonly string[], Map<string, boolean>>();
/** Model names remembered per list (clients choose them); past this the list's answers start afresh. */
const maxRememberedModels = 1000;

/**
 * Whether an account with these served-model patterns serves `model`; null or empty list = any model.
 * A list is never changed in place (a changed account gets a new record), so its answers are
 * remembered by the list itself and go with it.
 */
export function matchesModel(models: readonly string[] | null, model: string): boolean {
  if (models === null || models.length === 0) return true;
  let known = answers.get(models);
  if (!known) answers.set(models, (known = new Map()));
  let answer = known.get(model);
  if (answer === undefined) {
    answer = models.some((pattern) => matchesGlob(pattern, model));
    if (known.size >= maxRememberedModels) known.clear();
    known.set(model, answer);
  }
  return answer;
}
