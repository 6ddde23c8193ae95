import { matchesGlob } from '../pool/matches-model.js';

/**
 * Applies the settings' model mappings: exact names first, then `*` patterns in the order given.
 * The client keeps seeing the name it asked for; only the upstream gets the mapped one.
 */
export function resolveUpstreamModel(requested: string, mappings: Record<string, string>): string {
  const exact = mappings[requested];
  if (exact) return exact;
  for (const [pattern, target] of Object.entries(mappings)) {
    if (pattern.includes('*') && matchesGlob(pattern, requested)) return target;
  }
  return requested;
}
