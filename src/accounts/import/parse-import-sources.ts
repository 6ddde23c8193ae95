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
  const parsed: Array<{ source: string; value: unknown }> = [];
  const candidates: ImportCandidate[] = [];
  for (const source of sources) {
    if (isSqliteDatabase(source.bytes)) {
      candidates.push(...readCliDatabase(source.name, source.bytes));
      continue;
    }
    const text = source.text ?? (source.bytes ? Buffer.from(source.bytes).toString('utf8') : '');
    if (text.trim().length === 0) {
      candidates.push({ source: source.name, rejected: 'The file is empty.' });
      continue;
    }
    const json = parseJson(text);
    if (json.ok) parsed.push({ source: source.name, value: json.value });
    else if (looksLikeAmq2apiExport(text)) candidates.push(...convertAmq2apiExport(source.name, text));
    else candidates.push({ source: source.name, rejected: 'Neither JSON nor an amq2api export (type|label|clientId|clientSecret|refreshToken|…).' });
  }

  // Expand arrays into items, then collect the registrations that IdC logins pair with.
  const items: Array<{ source: string; value: unknown }> = [];
  for (const { source, value } of parsed) {
    if (Array.isArray(value)) value.forEach((item, index) => items.push({ source: value.length > 1 ? `${source} #${index + 1}` : source, value: item }));
    else items.push({ source, value });
  }
  const kiroRegistrations: ClientRegistration[] = items
    .filter((item) => isClientRegistration(item.value))
    .map((item) => {
      const value = item.value as Record<string, unknown>;
      return { clientId: String(value.clientId), clientSecret: String(value.clientSecret), hash: /([0-9a-f]{40})\.json$/i.exec(item.source)?.[1] };
    });
  const cliRegistrations = items.filter((item) => isQCliRegistration(item.value)).map((item) => item.value as Record<string, unknown>);

  for (const { source, value } of items) {
    if (isClientRegistration(value) || isQCliRegistration(value)) continue;
    if (isKiroIdeToken(value)) candidates.push(convertKiroIdeToken(source, value, kiroRegistrations));
    else if (isKiroRsCredential(value)) candidates.push(convertKiroRsCredential(source, value));
    else if (isAuthKvExport(value)) candidates.push(...convertAuthKv(source, value));
    else if (isQCliToken(value)) candidates.push(convertQCliToken(source, value, cliRegistrations.length === 1 ? cliRegistrations[0] : undefined));
    else if (isRecord(value)) candidates.push({ source, input: value });
    else candidates.push({ source, rejected: 'Expected an account object.' });
  }
  const orphanRegistrations = kiroRegistrations.length + cliRegistrations.length;
  if (orphanRegistrations > 0 && !candidates.some((candidate) => 'input' in candidate && (candidate.input.client_id !== undefined))) {
    candidates.push({ source: 'registration files', rejected: 'Client registration files were given without a login (token file) to pair with.' });
  }
  return candidates;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
