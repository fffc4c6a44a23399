import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/io/atomicWrite';
import { temporaryDirectory } from './support/runCli';

const directory = temporaryDirectory();
afterAll(directory.cleanup);

describe('writeFileAtomic', () => {
  it('replaces the content and keeps the permissions', () => {
    const file = join(directory.path, 'a.txt');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(directory.path)).toEqual(['a.txt']);
  });

  it('leaves the target and the directory untouched when the rename fails', () => {
    const target = join(directory.path, 'taken');
    mkdirSync(join(target, 'inner'), { recursive: true });
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(readdirSync(target)).toEqual(['inner']);
    expect(readdirSync(directory.path).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('fails without creating anything when the directory does not exist', () => {
    expect(() => writeFileAtomic(join(directory.path, 'missing', 'b.txt'), 'x')).toThrow();
    expect(readdirSync(directory.path).sort()).toEqual(['a.txt', 'taken']);
  });
});
