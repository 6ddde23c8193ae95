import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { insertAuditLogRow, deleteExpiredHistory } from '../../store/repositories/audit-log-repository.js';
import type { Database } from '../../store/schema.js';
import type { AppEnv } from '../../server/app-env.js';
import { describeAdminChange } from './describe-admin-change.js';
import { diffFields } from './diff-fields.js';
import { redactSecrets } from './redact-secrets.js';

export interface AuditAdminChangesOptions {
  db: Kysely<Database>;
  /** Reads an admin resource as the caller sees it (`GET path` in-process); undefined when there is none. */
  readResource: (path: string, headers: Headers) => Promise<unknown>;
  retentionDays: () => number;
  isPublic?: (path: string) => boolean;
  now?: () => number;
}

const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const pruneEveryMs = 3_600_000;
const dayMs = 86_400_000;

const jsonOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(redactSecrets(value)));

async function readJson(read: () => Promise<unknown>): Promise<unknown> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}

/**
 * Records every mutating admin request, in one place for every route: the admin key (id and name),
 * the action and target, the answer's status, the request body and the resource's fields before and
 * after, with credentials redacted. Refused attempts are recorded too, with their status. A failure to
 * write the entry is logged and never fails the admin's request.
 */
export function auditAdminChanges(options: AuditAdminChangesOptions): MiddlewareHandler<AppEnv> {
  const now = options.now ?? Date.now;
  let lastPrune = 0;
  return async (c, next) => {
    const actor = c.get('apiKey');
    if (!mutatingMethods.has(c.req.method) || !actor || options.isPublic?.(c.req.path)) return next();
    const target = describeAdminChange(c.req.method, c.req.path);
    const headers = new Headers(c.req.raw.headers);
    const before = target.resourcePath ? await options.readResource(target.resourcePath, headers) : undefined;
    await next();

    const requestBody = c.req.header('content-type')?.includes('json') ? await readJson(() => c.req.json()) : undefined;
    const answer = c.res.headers.get('content-type')?.includes('json') ? await readJson(() => c.res.clone().json()) : undefined;
    const succeeded = c.res.status < 400;
    let after: unknown;
    if (succeeded && target.resourcePath) after = await options.readResource(target.resourcePath, headers);
    else if (succeeded && target.action.endsWith('.create')) after = answer;
    const changes = succeeded ? diffFields(before, after) : { before: null, after: null };
    const answerId = typeof answer === 'object' && answer !== null && 'id' in answer && typeof answer.id === 'string' ? answer.id : null;
    const at = now();
    try {
      await insertAuditLogRow(options.db, {
        id: randomUUID(),
        created_at: at,
        actor_key_id: actor.id,
        actor_key_name: actor.name,
        action: target.action,
        method: c.req.method,
        path: c.req.path,
        target_type: target.targetType,
        target_id: target.pathId ?? answerId,
        http_status: c.res.status,
        request_id: c.get('requestId') ?? null,
        before_json: jsonOrNull(changes.before),
        after_json: jsonOrNull(changes.after),
        request_json: jsonOrNull(requestBody),
      });
      if (at - lastPrune > pruneEveryMs) {
        lastPrune = at;
        await deleteExpiredHistory(options.db, at - options.retentionDays() * dayMs);
      }
    } catch (error) {
      c.get('logger')?.error({ err: error, path: c.req.path }, 'audit entry not written');
    }
  };
}
