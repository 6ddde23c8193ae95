import { isRecord, type ImportCandidate, type ImportSource } from './import-item.js';
import { convertAmq2apiExport, looksLikeAmq2apiExport } from './parse-amq2api-export.js';
import { convertKiroIdeToken, isClientRegistration, isKiroIdeToken, type ClientRegistration } from './parse-kiro-ide-token.js';
import { convertKiroRsCredential, isKiroRsCredential } from './parse-kiro-rs-credentials.js';
import { convertAuthKv, convertQCliToken, isAuthKvExport, isQCliRegistration, isQCliToken } from './parse-q-cli-token.js';
import { isSqliteDatabase, readCliDatabase } from './read-cli-database.js';


/**
 * Turns uploaded files and pasted text into account inputs, whatever they are: Sluice's own account
 * objects, Kiro IDE token files (paired with their client registration), Amazon Q / kiro-cli stored
 * tokens (the SQLite database, its auth_kv entries, or the token and registration JSON), kiro.rs
 * credential lists (API keys included) and amq2api exports. Registration files are consumed by the
 * logins they belong to; anything unrecognised is rejected with the reason.
 */
export function parseImportSources(sources: readonly ImportSource[]): ImportCandidate[] {
  // First read every source, so registration files pair with logins whatever their order.
  const read = sources.map((source) => readSource(source));
  const items = read.flatMap((entry) => ('items' in entry ? entry.items : []));
  const kiroRegistrations: ClientRegistration[] = items
    .filter((item) => isClientRegistration(item.value))
    .map((item) => {
      const value = item.value as Record<string, unknown>;
      return { clientId: String(value.clientId), clientSecret: String(value.clientSecret), hash: /([0-9a-f]{40})\.json$/i.exec(item.source)?.[1] };
    });
  const cliRegistrations = items.filter((item) => isQCliRegistration(item.value)).map((item) => item.value as Record<string, unknown>);

  const candidates: ImportCandidate[] = [];
  for (const entry of read) {
    if ('candidates' in entry) {
      candidates.push(...entry.candidates);
      continue;
    }
    for (const { source, value } of entry.items) {
      if (isClientRegistration(value) || isQCliRegistration(value)) continue;
      if (isKiroIdeToken(value)) candidates.push(convertKiroIdeToken(source, value, kiroRegistrations));
      else if (isKiroRsCredential(value)) candidates.push(convertKiroRsCredential(source, value));
      else if (isAuthKvExport(value)) candidates.push(...convertAuthKv(source, value));
      else if (isQCliToken(value)) candidates.push(convertQCliToken(source, value, cliRegistrations.length === 1 ? cliRegistrations[0] : undefined));
      else if (isRecord(value)) candidates.push({ source, input: value });
      else candidates.push({ source, rejected: 'Expected an account object.' });
    }
  }
  const registrations = kiroRegistrations.length + cliRegistrations.length;
  if (registrations > 0 && !candidates.some((candidate) => 'input' in candidate && candidate.input.client_id !== undefined)) {
    candidates.push({ source: 'registration files', rejected: 'Client registration files were given without a login (token file) to pair with.' });
  }
  return candidates;
}

type ReadSource = { candidates: ImportCandidate[] } | { items: Array<{ source: string; value: unknown }> };

function readSource(source: ImportSource): ReadSource {
  if (isSqliteDatabase(source.bytes)) return { candidates: readCliDatabase(source.name, source.bytes) };
  const text = source.text ?? (source.bytes ? Buffer.from(source.bytes).toString('utf8') : '');
  if (text.trim().length === 0) return { candidates: [{ source: source.name, rejected: 'The file is empty.' }] };
  const json = parseJson(text);
  if (!json.ok) {
    if (looksLikeAmq2apiExport(text)) return { candidates: convertAmq2apiExport(source.name, text) };
    return { candidates: [{ source: source.name, rejected: 'Neither JSON nor an amq2api export (type|label|clientId|clientSecret|refreshToken|…).' }] };
  }
  const value = json.value;
  if (!Array.isArray(value)) return { items: [{ source: source.name, value }] };
  return { items: value.map((item, index) => ({ source: value.length > 1 ? `${source.name} #${index + 1}` : source.name, value: item })) };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
