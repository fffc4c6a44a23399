import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { peekMapId } from '@trailmap/core';
import type { Issue, Journey } from '@trailmap/schema';
import { readInputFile } from './loadDocument';

/** Files that hold journey documents by convention. */
export const JOURNEY_FILE = /\.journey\.(json|ya?ml)$/i;

const mapIdOf = (file: string): string | undefined => {
  const read = readInputFile(file);
  return read.ok ? peekMapId(read.bytes, { filename: file }) : undefined;
};

/**
 * Resolves map ids for link checks: the ids of the other files named on the command line, and
 * of journey files in the same directory as the checked file. Directory scans are cached.
 */
export class MapIndex {
  private readonly byDirectory = new Map<string, Set<string>>();
  private readonly given = new Map<string, string>();

  constructor(files: readonly string[]) {
    for (const file of files) {
      const id = mapIdOf(file);
      if (id !== undefined) this.given.set(resolve(file), id);
    }
  }

  /** Ids a file may link to: every given file but itself, and its directory's journey files. */
  knownFor(file: string): Set<string> {
    const self = resolve(file);
    const ids = new Set<string>();
    for (const [path, id] of this.given) if (path !== self) ids.add(id);
    for (const id of this.directoryIds(dirname(self), self)) ids.add(id);
    return ids;
  }

  private directoryIds(directory: string, self: string): Set<string> {
    let ids = this.byDirectory.get(directory);
    if (!ids) {
      ids = new Set();
      let names: string[] = [];
      try {
        names = readdirSync(directory).filter((name) => JOURNEY_FILE.test(name));
      } catch (error) {
        void error; // an unreadable directory resolves nothing; the missing link is reported
      }
      for (const name of names) {
        const path = join(directory, name);
        const id = path === self ? undefined : mapIdOf(path);
        if (id !== undefined) ids.add(id);
      }
      this.byDirectory.set(directory, ids);
    }
    return ids;
  }
}

/** Checks `map.compare.file`: it must exist (relative to the document) and hold the linked map. */
export function checkCompareFile(file: string, document: unknown): Issue[] {
  const compare = (document as Partial<Journey> | null)?.map?.compare;
  if (typeof compare?.file !== 'string') return [];
  const target = resolve(dirname(file), compare.file);
  const pointer = '/map/compare/file';
  if (!existsSync(target)) {
    return [
      { pointer, code: 'MISSING_LINKED_FILE', message: `linked file "${compare.file}" does not exist` },
    ];
  }
  const id = mapIdOf(target);
  if (id !== compare.mapId) {
    return [
      {
        pointer,
        code: 'LINKED_FILE_MISMATCH',
        message: `linked file "${compare.file}" holds ${id ? `map "${id}"` : 'no readable map'}, not "${compare.mapId}"`,
      },
    ];
  }
  return [];
}
