import { createHash } from 'node:crypto';
import type { Journey } from '@trailmap/schema';
import type { MapSnapshot } from '../../services/maps/mapStore';
import { ExportCache } from './exportCache';
import { exportFilename, produceExport, type ExportFile } from './formats';
import type { ExportOptions } from './schema';

export interface NamedExport extends ExportFile {
  filename: string;
}

/** What identifies one export: the map, its version and every option that changes the bytes. */
export function exportKey(snapshot: Pick<MapSnapshot, 'mapId' | 'version'>, options: ExportOptions): string {
  return [
    snapshot.mapId,
    snapshot.version,
    options.format,
    options.theme ?? '',
    options.paper ?? '',
    options.orientation ?? '',
    options.scale ?? '',
    options.dpi ?? '',
  ].join('|');
}

/** A strong ETag for an export, known before rendering it (versions never change). */
export const exportEtag = (key: string) =>
  `"x-${createHash('sha256').update(key).digest('base64url').slice(0, 22)}"`;

/** Produces exports of map snapshots, reusing one already made for the same version and options. */
export function createExporter(cache = new ExportCache()) {
  return async function exportSnapshot(snapshot: MapSnapshot, options: ExportOptions): Promise<NamedExport> {
    const key = exportKey(snapshot, options);
    const cached = cache.get(key);
    if (cached) return cached as NamedExport;
    const doc = JSON.parse(snapshot.json) as Journey;
    const file = await produceExport(doc, options);
    const named: NamedExport = { ...file, filename: exportFilename(doc.map.title, file.extension) };
    cache.set(key, named);
    return named;
  };
}

export type Exporter = ReturnType<typeof createExporter>;
