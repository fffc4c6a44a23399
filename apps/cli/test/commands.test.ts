import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli, temporaryDirectory } from './support/runCli';
import { sampleDocument } from './support/sampleDocument';

// Each case starts a real Node process; on a busy 2-core machine that can take seconds.
vi.setConfig({ testTimeout: 180_000 });

const directory = temporaryDirectory();
afterAll(directory.cleanup);
const at = (name: string) => join(directory.path, name);
const cli = (...args: string[]) => runCli(args, { cwd: directory.path });
const write = (name: string, content: unknown) =>
  writeFileSync(at(name), typeof content === 'string' ? content : JSON.stringify(content));

describe('trailmap fmt', () => {
  it('checks, rewrites canonically, and is idempotent', async () => {
    write('messy.journey.json', { ...sampleDocument(), stages: [...sampleDocument().stages!].reverse() });
    expect((await cli('fmt', '--check', 'messy.journey.json')).code).toBe(1);
    const first = await cli('fmt', 'messy.journey.json');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('formatted messy.journey.json');
    const formatted = readFileSync(at('messy.journey.json'), 'utf8');
    expect(formatted.endsWith('}\n')).toBe(true);
    expect(formatted).toMatch(/^ {2}"schemaVersion": 2,$/m);
    expect((await cli('fmt', '--check', 'messy.journey.json')).code).toBe(0);
    expect((await cli('fmt', 'messy.journey.json')).stdout).toBe('');
    expect(readFileSync(at('messy.journey.json'), 'utf8')).toBe(formatted);
  });

  it('leaves an invalid file untouched and reports it located', async () => {
    const broken = JSON.stringify({ ...sampleDocument(), lanes: 'x' }, null, 2);
    write('broken.journey.json', broken);
    const run = await cli('fmt', 'broken.journey.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^broken\.journey\.json:\d+:\d+: lanes must be a list/m);
    expect(readFileSync(at('broken.journey.json'), 'utf8')).toBe(broken);
    expect(readdirSync(directory.path).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('trailmap fmt on hand-written YAML', () => {
  it('refuses to drop comments unless asked', async () => {
    const text =
      '# why this map exists\nschemaVersion: 2\nmap: { id: "map:c", title: C, type: current-state }\n';
    write('notes.journey.yaml', text);
    const refused = await cli('fmt', 'notes.journey.yaml');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/comments that formatting would drop/);
    expect(readFileSync(at('notes.journey.yaml'), 'utf8')).toBe(text);
    expect((await cli('fmt', '--drop-comments', 'notes.journey.yaml')).code).toBe(0);
    expect(readFileSync(at('notes.journey.yaml'), 'utf8')).toMatch(
      /^schemaVersion: 2\nmap:\n {2}id: map:c\n/,
    );
  });

  it('reports an unwritable output as a user error, not a crash', async () => {
    const run = await cli('export', 'notes.journey.yaml', '-f', 'json', '-o', 'no/such/dir/out.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('trailmap: no/such/dir/out.json: no such file or directory\n');
  });
});

describe('trailmap migrate', () => {
  it('upgrades a schemaVersion 1 file in place', async () => {
    const old = {
      ...sampleDocument(),
      schemaVersion: 1,
      emotions: [{ id: 'emotion:a', stageId: 'stage:pay', score: 5 }],
    };
    write('old.journey.json', old);
    const run = await cli('migrate', 'old.journey.json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/schemaVersion 1 → 2 \(.*trailmap\.emotion\/2-centered-scale/);
    const migrated = JSON.parse(readFileSync(at('old.journey.json'), 'utf8'));
    expect(migrated.schemaVersion).toBe(2);
    expect(migrated.emotions[0].score).toBe(2);
    expect((await cli('migrate', 'old.journey.json')).stdout).toMatch(/already at schemaVersion 2/);
  });

  it('never writes a file that does not validate after migration', async () => {
    const bad = JSON.stringify({
      ...sampleDocument(),
      schemaVersion: 1,
      emotions: [{ id: 'emotion:a', stageId: 'stage:pay', score: 9 }],
    });
    write('badold.journey.json', bad);
    const run = await cli('migrate', 'badold.journey.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^badold\.journey\.json:1:\d+: score must be between/m);
    expect(readFileSync(at('badold.journey.json'), 'utf8')).toBe(bad);
  });
});

describe('trailmap export', () => {
  it('writes YAML to stdout and JSON to a file, both valid', async () => {
    write('sample.journey.json', sampleDocument());
    const yaml = await cli('export', 'sample.journey.json', '--format', 'yaml');
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toMatch(/^schemaVersion: 2\nmap:\n {2}id: map:checkout/);
    write('from-yaml.journey.yaml', yaml.stdout);
    expect(
      (await cli('export', 'from-yaml.journey.yaml', '-f', 'json', '-o', 'back.journey.json')).code,
    ).toBe(0);
    expect((await cli('validate', 'back.journey.json')).code).toBe(0);
  });

  it('exports a batch into --out-dir, one file per input', async () => {
    write('one.journey.json', sampleDocument());
    write('two.journey.json', { ...sampleDocument(), map: { ...sampleDocument().map, id: 'map:two' } });
    const run = await cli('export', 'one.journey.json', 'two.journey.json', '-f', 'yaml', '--out-dir', 'out');
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(at('out')).sort()).toEqual(['one.journey.yaml', 'two.journey.yaml']);
  });

  it('exports a poster too large for one pass (tiles drawn on the raster thread) and exits', async () => {
    write('poster.journey.json', sampleDocument());
    const run = await cli('export', 'poster.journey.json', '-f', 'png', '--scale', '5', '-o', 'poster.png');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/raster thread unavailable/);
    const png = readFileSync(at('poster.png'));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    // past 4,096 px a side a PNG is drawn in tiles (one pass below that)
    expect(Math.max(png.readUInt32BE(16), png.readUInt32BE(20))).toBeGreaterThan(4096);
  });

  it('treats a missing or unknown format as a usage error', async () => {
    expect((await cli('export', 'sample.journey.json')).code).toBe(2);
    expect((await cli('export', 'sample.journey.json', '-f', 'docx')).code).toBe(2);
    expect((await cli('export', 'one.journey.json', 'two.journey.json', '-f', 'json')).code).toBe(2);
  });
});

describe('trailmap run', () => {
  it('applies a command and writes the file atomically', async () => {
    write('run.journey.json', sampleDocument());
    const input = JSON.stringify({ laneId: 'lane:pains', stageId: 'stage:browse', text: 'Too many filters' });
    const run = await cli('run', 'card.add', '--map', 'run.journey.json', '--input', input);
    expect(run.code, run.stderr).toBe(0);
    const saved = JSON.parse(readFileSync(at('run.journey.json'), 'utf8'));
    expect(saved.cards.some((card: { text: string }) => card.text === 'Too many filters')).toBe(true);
  });

  it('leaves the file untouched when the command fails', async () => {
    const before = readFileSync(at('run.journey.json'), 'utf8');
    const input = JSON.stringify({ laneId: 'lane:nope', stageId: 'stage:browse', text: 'x' });
    const run = await cli('run', 'card.add', '--map', 'run.journey.json', '--input', input);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/lane/);
    expect(readFileSync(at('run.journey.json'), 'utf8')).toBe(before);
  });
});

describe('trailmap schema and validate --json', () => {
  it('prints the JSON Schema', async () => {
    const run = await cli('schema');
    expect(JSON.parse(run.stdout).title).toBe('Trailmap journey document');
  });

  it('reports every file in --json and resolves links to neighbour files', async () => {
    const current = { ...sampleDocument(), map: { ...sampleDocument().map, id: 'map:current' } };
    write('links/current.journey.json'.replace('links/', 'links-'), current);
    const future = {
      ...sampleDocument(),
      map: {
        ...sampleDocument().map,
        id: 'map:future',
        type: 'future-state',
        compare: { mapId: 'map:current', relation: 'current-state', file: 'links-current.journey.json' },
      },
    };
    write('links-future.journey.json', future);
    const ok = await cli('validate', 'links-future.journey.json', '--json');
    expect(ok.code, ok.stdout).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      ok: true,
      files: [{ file: 'links-future.journey.json', ok: true, issues: [] }],
    });
    write('links-wrong.journey.json', {
      ...future,
      map: { ...future.map, id: 'map:wrong', compare: { ...future.map.compare, mapId: 'map:future' } },
    });
    const wrong = await cli('validate', 'links-wrong.journey.json', '--json');
    expect(wrong.code).toBe(1);
    const report = JSON.parse(wrong.stdout);
    expect(report.files[0].issues).toEqual([
      expect.objectContaining({ code: 'LINKED_FILE_MISMATCH', pointer: '/map/compare/file', line: 1 }),
    ]);
  });
});

describe('folders as inputs', () => {
  it('validates every journey file below a folder, skipping hidden folders', async () => {
    mkdirSync(at('tree/deeper/.cache'), { recursive: true });
    write('tree/a.journey.json', sampleDocument());
    write('tree/deeper/b.journey.json', {
      ...sampleDocument(),
      map: { ...sampleDocument().map, id: 'map:b' },
    });
    write('tree/deeper/.cache/broken.journey.json', '{');
    write('tree/notes.txt', 'not a map');
    const run = await cli('validate', 'tree');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      'tree/a.journey.json: valid (2 stages, 3 cards)',
      'tree/deeper/b.journey.json: valid (2 stages, 3 cards)',
    ]);
    expect((await cli('validate', 'tree/deeper/.cache')).code).toBe(1);
  });
});

describe('canonical JSON under git', () => {
  it('turns a one-card edit into a one-hunk git diff', async () => {
    write('git-a.journey.json', sampleDocument());
    await cli('fmt', 'git-a.journey.json');
    const doc = JSON.parse(readFileSync(at('git-a.journey.json'), 'utf8'));
    doc.cards[1].text = 'Types the card number twice';
    doc.cards[1].tags = ['payments', 'mobile'];
    write('git-b.journey.json', doc);
    await cli('fmt', 'git-b.journey.json');
    let diff = '';
    try {
      execFileSync('git', ['diff', '--no-index', 'git-a.journey.json', 'git-b.journey.json'], {
        cwd: directory.path,
      });
    } catch (error) {
      diff = String((error as { stdout: Buffer }).stdout);
    }
    expect(diff.match(/^@@ /gm)).toHaveLength(1);
    expect(existsSync(at('git-b.journey.json'))).toBe(true);
  });
});
