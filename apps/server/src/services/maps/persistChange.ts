import { sql } from 'kysely';
import type { ServiceContext } from '../context';

/** One new version of a map: its `map_changes` row and the `maps` columns as of that version. */
export interface VersionRow {
  version: number;
  kind: string;
  /** Full document, only when this version keeps a snapshot. */
  snapshot: string | null;
  /** Only the last row's is stored (as the `maps` row's size); earlier ones may be 0 (unknown). */
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
 * Writes consecutive new versions (`baseVersion + 1`, `+ 2`, …) in one transaction unless the map
 * moved past `baseVersion` (or was deleted) meanwhile; the `maps` row ends at the last one.
 * PostgreSQL does it in one statement (a data-modifying CTE: one round trip, atomic); SQLite in a
 * short transaction on its single connection.
 * @returns false when another writer got there first (nothing was written)
 */
export async function persistChanges(
  ctx: ServiceContext,
  mapId: string,
  baseVersion: number,
  rows: readonly VersionRow[],
): Promise<boolean> {
  const last = rows.at(-1)!;
  const snapshot = rows.findLast((row) => row.snapshot !== null)?.snapshot ?? null;
  const mapColumns = {
    ...(snapshot !== null ? { snapshot } : {}),
    size_bytes: last.sizeBytes,
    version: last.version,
    title: last.title,
    type: last.type,
    tags: last.tags,
    updated_at: last.at,
    updated_by: last.actorId,
  };
  if (ctx.database.dialect === 'postgres') {
    const values = sql.join(
      rows.map(
        (row) =>
          sql`(${row.version}::integer, ${row.kind}::text, ${row.commands}::text, ${row.ops}::text, ${row.snapshot}::text, ${row.actorId}::text, ${row.via}::text, ${row.at}::text)`,
      ),
    );
    const result = await ctx.db
      .with('updated', (db) =>
        db
          .updateTable('maps')
          .set(mapColumns)
          .where('id', '=', mapId)
          .where('version', '=', baseVersion)
          .where('deleted_at', 'is', null)
          .returning('id'),
      )
      .insertInto('map_changes')
      .columns(['map_id', 'version', 'kind', 'commands', 'ops', 'snapshot', 'author_id', 'via', 'created_at'])
      .expression(
        sql`select updated.id, v.* from updated cross join (values ${values}) as v(version, kind, commands, ops, snapshot, author_id, via, created_at)`,
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === rows.length;
  }
  return ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('maps')
      .set(mapColumns)
      .where('id', '=', mapId)
      .where('version', '=', baseVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx
      .insertInto('map_changes')
      .values(
        rows.map((row) => ({
          map_id: mapId,
          version: row.version,
          kind: row.kind,
          commands: row.commands,
          ops: row.ops,
          snapshot: row.snapshot,
          author_id: row.actorId,
          via: row.via,
          created_at: row.at,
        })),
      )
      .execute();
    return true;
  });
}
