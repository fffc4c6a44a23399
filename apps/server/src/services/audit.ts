import type { ServiceContext } from './context';

/** Records who did what in a workspace; owners read it through `/workspaces/:id/audit`. */
export async function audit(
  ctx: ServiceContext,
  entry: { workspaceId: string; actorId: string | null; action: string; target?: string; details?: unknown },
) {
  await ctx.db
    .insertInto('audit_log')
    .values({
      workspace_id: entry.workspaceId,
      actor_id: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
      created_at: ctx.now(),
    })
    .execute();
}

export async function listAudit(
  ctx: ServiceContext,
  workspaceId: string,
  options: { before?: number; limit: number },
) {
  let query = ctx.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.actor_id',
      'users.email as actor_email',
      'audit_log.action',
      'audit_log.target',
      'audit_log.details',
      'audit_log.created_at',
    ])
    .where('audit_log.workspace_id', '=', workspaceId);
  if (options.before !== undefined) query = query.where('audit_log.id', '<', options.before);
  return query.orderBy('audit_log.id', 'desc').limit(options.limit).execute();
}
