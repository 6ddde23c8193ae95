/** Fields that change on every write or with traffic; they are not the admin's change. */
const volatileFields = new Set(['updated_at', 'last_used_at', 'total_requests', 'total_tokens', 'total_cost', 'total_credits', 'live', 'rpm_now', 'in_flight']);

type Snapshot = Record<string, unknown>;

const isSnapshot = (value: unknown): value is Snapshot => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The top-level fields that differ between two snapshots, as `{before, after}` holding only those
 * fields. A missing side (create, delete) keeps the whole other side.
 */
export function diffFields(before: unknown, after: unknown): { before: Snapshot | null; after: Snapshot | null } {
  if (!isSnapshot(before) || !isSnapshot(after)) {
    return { before: isSnapshot(before) ? before : null, after: isSnapshot(after) ? after : null };
  }
  const changedBefore: Snapshot = {};
  const changedAfter: Snapshot = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (volatileFields.has(name)) continue;
    if (JSON.stringify(before[name]) === JSON.stringify(after[name])) continue;
    changedBefore[name] = before[name] ?? null;
    changedAfter[name] = after[name] ?? null;
  }
  return { before: changedBefore, after: changedAfter };
}
