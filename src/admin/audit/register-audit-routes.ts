import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import type { App } from '../../server/app-env.js';
import { listAuditLogRows, type AuditLogRow } from '../../store/repositories/audit-log-repository.js';
import { decodePageCursor, encodePageCursor } from '../../store/page-cursor.js';
import { adminErrorResponses, adminSecurity, jsonResponse } from '../admin-route-parts.js';
import { parseQueryTime } from '../stats/parse-time-range.js';

const tags = ['Audit'];
const { 400: badRequest, 401: unauthorized, 403: forbidden } = adminErrorResponses;

const fieldsSchema = z.record(z.string(), z.unknown()).nullable();

export const auditEntrySchema = z
  .object({
    id: z.string(),
    created_at: z.string(),
    actor_key_id: z.string().openapi({ description: 'The admin key that made the change.' }),
    actor_key_name: z.string(),
    action: z.string().openapi({ example: 'accounts.update' }),
    method: z.string(),
    path: z.string(),
    target_type: z.string().openapi({ example: 'accounts' }),
    target_id: z.string().nullable(),
    http_status: z.number().int().openapi({ description: 'The answer; refused attempts are recorded too.' }),
    request_id: z.string().nullable(),
    before: fieldsSchema.openapi({ description: 'The changed fields before (the whole resource for a delete); credentials redacted.' }),
    after: fieldsSchema.openapi({ description: 'The changed fields after (the whole resource for a create); credentials redacted.' }),
    request: z.unknown().openapi({ description: 'The request body, credentials redacted.' }),
  })
  .openapi('AuditEntry');

const auditPageSchema = z.object({ data: z.array(auditEntrySchema), next_cursor: z.string().nullable() }).openapi('AuditPage');

const listQuerySchema = z.object({
  actor_key_id: z.string().max(100).optional(),
  target_type: z.string().max(100).optional().openapi({ description: 'accounts, api-keys, settings, …' }),
  target_id: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: z.string().optional().openapi({ description: 'ISO 8601, inclusive.' }),
  to: z.string().optional().openapi({ description: 'ISO 8601, exclusive.' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().openapi({ description: '`next_cursor` of the previous page.' }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/admin/audit',
  tags,
  security: adminSecurity,
  summary: 'Every admin change, newest first, with filters and cursor pagination; kept as long as the request log',
  request: { query: listQuerySchema },
  responses: { 200: jsonResponse(auditPageSchema, 'A page of audit entries'), 400: badRequest, 401: unauthorized, 403: forbidden },
});

const parseStored = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function renderAuditEntry(row: AuditLogRow): z.infer<typeof auditEntrySchema> {
  return {
    id: row.id,
    created_at: new Date(Number(row.created_at)).toISOString(),
    actor_key_id: row.actor_key_id,
    actor_key_name: row.actor_key_name,
    action: row.action,
    method: row.method,
    path: row.path,
    target_type: row.target_type,
    target_id: row.target_id,
    http_status: Number(row.http_status),
    request_id: row.request_id,
    before: parseStored(row.before_json) as Record<string, unknown> | null,
    after: parseStored(row.after_json) as Record<string, unknown> | null,
    request: parseStored(row.request_json),
  };
}

export function registerAuditRoutes(app: App, context: AppContext): void {
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const rows = await listAuditLogRows(context.database.db, {
      actorKeyId: query.actor_key_id,
      targetType: query.target_type,
      targetId: query.target_id,
      action: query.action,
      from: parseQueryTime(query.from, 'from'),
      to: parseQueryTime(query.to, 'to'),
      before: query.cursor ? decodePageCursor(query.cursor) : undefined,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return c.json({ data: page.map(renderAuditEntry), next_cursor: rows.length > query.limit && last ? encodePageCursor(Number(last.created_at), last.id) : null }, 200);
  });
}
