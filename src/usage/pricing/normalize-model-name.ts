/**
 * The form model names are looked up in: lower case, any vendor path or `anthropic.` prefix dropped, and
 * dots or underscores between parts written as dashes, so `claude-sonnet-4.5`, `claude-sonnet-4-5` and
 * Amazon Q's `CLAUDE_SONNET_4_5_20250929_V1_0` all meet the same entry.
 */
export function normalizeModelName(model: string): string {
  let name = model.trim().toLowerCase();
  const slash = name.lastIndexOf('/');
  if (slash >= 0) name = name.slice(slash + 1);
  name = name.replace(/^(?:[a-z]{2}\.)?anthropic\./, '');
  return name.replace(/[._]/g, '-');
}
