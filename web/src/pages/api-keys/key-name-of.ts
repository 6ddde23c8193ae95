/**
 * What a row says about its key: the name (kept after the key is revoked) and whether it was revoked.
 * Servers mark a revoked key with `key_revoked`/`api_key_revoked`, or leave only the stored name and a null
 * id; older servers lose the name, and then the id is shown.
 */
interface KeyReference {
  key_id?: string | null;
  key_name?: string | null;
  api_key_id?: string | null;
  api_key_name?: string | null;
}

export function keyNameOf(row: KeyReference): { label: string; revoked: boolean } {
  const flags = row as KeyReference & { key_revoked?: boolean | null; api_key_revoked?: boolean | null };
  const id = row.key_id ?? row.api_key_id ?? null;
  const name = row.key_name ?? row.api_key_name ?? null;
  const revoked = flags.key_revoked === true || flags.api_key_revoked === true || id === null || name === null;
  return { label: name ?? (id ? `${id.slice(0, 8)}…` : '—'), revoked };
}
