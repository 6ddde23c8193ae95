import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { App } from '../../server/app-env.js';
import { importAccounts } from '../../accounts/import/import-accounts.js';
import type { ImportSource } from '../../accounts/import/import-item.js';
import { parseImportSources } from '../../accounts/import/parse-import-sources.js';
import { adminErrorResponses, adminSecurity, jsonResponse } from '../admin-route-parts.js';

const { 400: badRequest, 401: unauthorized, 403: forbidden } = adminErrorResponses;
const maxSources = 200;
const maxCandidates = 1000;

const fileSchema = z.object({
  name: z.string().max(500),
  /** Text content (JSON, amq2api lines). */
  content: z.string().optional(),
  /** Binary content (a CLI SQLite database), base64. */
  content_base64: z.string().optional(),
});

const envelopeSchema = z
  .object({ files: z.array(fileSchema).max(maxSources).optional(), text: z.string().optional() })
  .strict()
  .openapi('AccountImportFiles');

export const importResultSchema = z
  .object({
    results: z.array(
      z.object({
        index: z.number(),
        source: z.string(),
        status: z.enum(['created', 'duplicate', 'rejected']),
        ok: z.boolean(),
        id: z.string().optional(),
        name: z.string().optional(),
        provider: z.string().optional(),
        existing_id: z.string().nullable().optional(),
        error: z.string().optional(),
      }),
    ),
    created: z.number(),
    duplicates: z.number(),
    failed: z.number(),
  })
  .openapi('AccountImportResult');

export const importAccountsRoute = createRoute({
  method: 'post',
  path: '/admin/accounts/import',
  tags: ['Accounts'],
  security: adminSecurity,
  summary: 'Add many accounts from account objects or the credential files people already have',
  description:
    'Accepts a JSON array of account objects (as POST /admin/accounts), a single object, `{files: [{name, content | content_base64}], text}`, ' +
    'or multipart/form-data with `file` parts and an optional `text` field. Understood files: Kiro IDE `kiro-auth-token.json` with its ' +
    'client-registration file for IdC logins, the Amazon Q Developer CLI / kiro-cli stored token (its `data.sqlite3`, or the auth_kv ' +
    'token and device-registration JSON), kiro.rs `credentials.json` (API keys included) and amq2api account exports. Each row reports ' +
    'created, duplicate (same refresh token or key) or rejected with the reason; no secret is echoed back.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: z.union([z.array(z.unknown()).max(maxCandidates), envelopeSchema, z.record(z.string(), z.unknown())]) },
        'multipart/form-data': { schema: z.object({ file: z.any().optional(), text: z.string().optional() }) },
      },
    },
  },
  responses: { 200: jsonResponse(importResultSchema, 'A result per row'), 400: badRequest, 401: unauthorized, 403: forbidden },
});

/** The import route: files or pasted JSON in, a row per account out. */
export function registerAccountImportRoute(app: App, context: AppContext): void {
  app.openapi(importAccountsRoute, async (c) => {
    const contentType = c.req.header('content-type') ?? '';
    const sources = contentType.startsWith('multipart/form-data') ? await multipartSources(() => c.req.formData()) : jsonSources(await c.req.json());
    if (sources.length === 0) throw new InvalidRequestError('Nothing to import: send account objects, files or pasted text.');
    if (sources.length > maxSources) throw new InvalidRequestError(`At most ${maxSources} files per import.`);
    const candidates = parseImportSources(sources);
    if (candidates.length > maxCandidates) throw new InvalidRequestError(`At most ${maxCandidates} accounts per import.`);
    const outcome = await importAccounts(candidates, {
      existing: () => context.accounts.list().map((account) => ({ id: account.id, credentials: account.upstream.credentials })),
      create: async (input) => {
        const row = await context.accountAdmin.create(input);
        return { id: row.id, name: row.name, provider: row.provider };
      },
    });
    c.get('logger').info({ created: outcome.created, duplicates: outcome.duplicates, failed: outcome.failed }, 'accounts imported');
    return c.json(outcome, 200);
  });
}

function jsonSources(body: unknown): ImportSource[] {
  const envelope = envelopeSchema.safeParse(body);
  if (envelope.success && (envelope.data.files !== undefined || envelope.data.text !== undefined)) {
    const sources: ImportSource[] = (envelope.data.files ?? []).map((file) => ({
      name: file.name,
      ...(file.content_base64 !== undefined ? { bytes: Buffer.from(file.content_base64, 'base64') } : { text: file.content ?? '' }),
    }));
    if (envelope.data.text?.trim()) sources.push({ name: 'pasted', text: envelope.data.text });
    return sources;
  }
  if (Array.isArray(body) && body.length === 0) return [];
  return [{ name: 'pasted', text: JSON.stringify(body) }];
}

/** The form is read through Hono's cached body (the route's validator has read it already). */
async function multipartSources(readForm: () => Promise<FormData>): Promise<ImportSource[]> {
  let form: FormData;
  try {
    form = await readForm();
  } catch {
    throw new InvalidRequestError('The multipart body could not be read.');
  }
  const sources: ImportSource[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'text' && value.trim()) sources.push({ name: 'pasted', text: value });
      continue;
    }
    sources.push({ name: value.name || field, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return sources;
}
