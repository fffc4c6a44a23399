import { sql } from 'kysely';
import type { ServiceContext } from '../context';

/** One new version of a map: the new `maps` columns and its `map_changes` row. */
export interface ChangeRow {
  mapId: string;
  baseVersion: number;
  version: number;
  kind: string;
  /** Full document, only when this version keeps a snapshot. */
  snapshot: string | null;
  sizeBytes: number;
  title: string;
  type: string;
  tags: string;
  commands: string | null;
  ops: string | null;
  actorId: string | null;
  via: string;
  at: string;
}

/**
 * Writes a new version unless the map moved past `baseVersion` (or was deleted) meanwhile.
 * PostgreSQL does it in one statement (a data-modifying CTE: one round trip, atomic); SQLite in a
 * short transaction on its single connection.
 * @returns false when another writer got there first
 */
export async function persistChange(ctx: ServiceContext, change: ChangeRow): Promise<boolean> {
  const mapColumns = {
    ...(change.snapshot !== null ? { snapshot: change.snapshot } : {}),
    size_bytes: change.sizeBytes,
    version: change.version,
    title: change.title,
    type: change.type,
    tags: change.tags,
    updated_at: change.at,
    updated_by: change.actorId,
  };
  if (ctx.database.dialect === 'postgres') {
    const result = await ctx.db
      .with('updated', (db) =>
        db
          .updateTable('maps')
          .set(mapColumns)
          .where('id', '=', change.mapId)
          .where('version', '=', change.baseVersion)
          .where('deleted_at', 'is', null)
          .returning('id'),
      )
      .insertInto('map_changes')
      .columns(['map_id', 'version', 'kind', 'commands', 'ops', 'snapshot', 'author_id', 'via', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('updated')
          .select([
            'updated.id',
            sql<number>`${change.version}::integer`.as('version'),
            sql<string>`${change.kind}::text`.as('kind'),
            sql<string | null>`${change.commands}::text`.as('commands'),
            sql<string | null>`${change.ops}::text`.as('ops'),
            sql<string | null>`${change.snapshot}::text`.as('snapshot'),
            sql<string | null>`${change.actorId}::text`.as('author_id'),
            sql<string>`${change.via}::text`.as('via'),
            sql<string>`${change.at}::text`.as('created_at'),
          ]),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  return ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('maps')
      .set(mapColumns)
      .where('id', '=', change.mapId)
      .where('version', '=', change.baseVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx
      .insertInto('map_changes')
      .values({
        map_id: change.mapId,
        version: change.version,
        kind: change.kind,
        commands: change.commands,
        ops: change.ops,
        snapshot: change.snapshot,
        author_id: change.actorId,
        via: change.via,
        created_at: change.at,
      })
      .execute();
    return true;
  });
}
