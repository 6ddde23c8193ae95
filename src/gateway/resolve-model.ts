import { matchesModelPattern } from '../core/model-pattern.js';

/**
 * Applies the settings' model mappings: exact names first, then `*` patterns in the order given.
 * The client keeps seeing the name it asked for; only the upstream gets the mapped one.
 */
export function resolveUpstreamModel(requested: string, mappings: Record<string, string>): string {
  const exact = mappings[requested];
  if (exact) return exact;
  for (const [pattern, target] of Object.entries(mappings)) {
    if (pattern.includes('*') && matchesModelPattern(requested, pattern)) return target;
  }
  return requested;
}
