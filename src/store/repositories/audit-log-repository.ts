import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../schema.js';

export type AuditLogRow = Selectable<AuditLogTable>;

export interface AuditLogFilter {
  actorKeyId?: string;
  targetType?: string;
  targetId?: string;
  action?: string;
  from?: number;
  to?: number;
  /** Rows strictly older than this (created_at, id) position: the cursor of the previous page. */
  before?: [number, string];
  limit: number;
}

export async function insertAuditLogRow(db: Kysely<Database>, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

/** Newest first; one more row than `limit` tells the caller there is a next page. */
export async function listAuditLogRows(db: Kysely<Database>, filter: AuditLogFilter): Promise<AuditLogRow[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.actorKeyId) query = query.where('actor_key_id', '=', filter.actorKeyId);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('created_at', '<', filter.to);
  const before = filter.before;
  if (before) {
    query = query.where((expression) =>
      expression.or([expression('created_at', '<', before[0]), expression.and([expression('created_at', '=', before[0]), expression('id', '<', before[1])])]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

/** Deletes audit entries and account events older than `cutoff` (the log-retention window). */
export async function deleteExpiredHistory(db: Kysely<Database>, cutoff: number): Promise<void> {
  await db.deleteFrom('audit_log').where('created_at', '<', cutoff).execute();
  await db.deleteFrom('account_events').where('created_at', '<', cutoff).execute();
}
