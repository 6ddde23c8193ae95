/**
 * Maps a model name to the dotted short ids the Q/Kiro service accepts (`claude-sonnet-4.5`).
 * Anthropic ids with dashes and dates (`claude-sonnet-4-5-20250929`, `claude-opus-4-1`,
 * `claude-3-7-sonnet-latest`, kiro.rs-style `-thinking` suffixes) are folded; anything unrecognised is sent as is.
 */
export function mapAmazonQModelId(model: string): string {
  const name = model.trim().toLowerCase().replace(/^anthropic\./, '').replace(/-v\d+(:\d+)?$/, '');
  const withoutDate = name.replace(/-thinking$/, '').replace(/-(\d{8}|latest)$/, '');
  const modern = /^claude-(sonnet|opus|haiku)-(\d+)(?:[-.](\d))?$/.exec(withoutDate);
  if (modern) {
    const [, family, major, minor] = modern;
    return minor === undefined ? `claude-${family}-${major}` : `claude-${family}-${major}.${minor}`;
  }
  const legacy = /^claude-(\d)[-.](\d)-(sonnet|opus|haiku)$/.exec(withoutDate);
  if (legacy) {
    const [, major, minor, family] = legacy;
    return `claude-${major}.${minor}-${family}`;
  }
  return model;
}

const standardContextWindow = 200_000;
const largeContextWindow = 1_000_000;

/** Context window in tokens of a mapped model id when the account's list does not say: 1M for `auto` and Sonnet/Opus 4.6 and later, else 200k. */
export function amazonQContextWindow(modelId: string): number {
  if (modelId === 'auto') return largeContextWindow;
  const match = /^claude-(sonnet|opus)-(\d+)\.(\d+)/.exec(modelId);
  if (!match) return standardContextWindow;
  const major = Number(match[2]);
  const minor = Number(match[3]);
  return major > 4 || (major === 4 && minor >= 6) ? largeContextWindow : standardContextWindow;
}
