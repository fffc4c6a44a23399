import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so readers see either the old or the new content, never half of it: the data
 * goes to a temporary file in the same directory (same file system, so rename is atomic), is
 * flushed, then renamed over the target. The target keeps its permissions. On failure the
 * temporary file is removed and the target is untouched.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(target).mode & 0o777;
  } catch {
    mode = undefined; // new file: default permissions
  }
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', mode ?? 0o666);
    writeSync(descriptor, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    rmSync(temporary, { force: true });
    // Users know the file they asked for, not our temporary name.
    const failure = error as NodeJS.ErrnoException;
    if (failure.path === temporary) failure.path = target;
    throw failure;
  }
}
