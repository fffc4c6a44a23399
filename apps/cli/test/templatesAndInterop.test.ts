import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli, temporaryDirectory } from './support/runCli';

// Each case starts a real Node process; on a busy 2-core machine that can take seconds.
vi.setConfig({ testTimeout: 180_000 });

const directory = temporaryDirectory();
afterAll(directory.cleanup);
const at = (name: string) => join(directory.path, name);
const cli = (...args: string[]) => runCli(args, { cwd: directory.path });

describe('templates and new', () => {
  it('lists templates as JSON and creates valid files from them', async () => {
    const list = await cli('templates', '--json');
    expect(list.code).toBe(0);
    const templates = JSON.parse(list.stdout) as { id: string }[];
    expect(templates.length).toBeGreaterThanOrEqual(8);
    expect(templates.map((template) => template.id)).toContain('ecommerce');
    // Every template is validated in core's tests; here three go through the real CLI.
    const files: string[] = [];
    for (const id of ['ecommerce', 'service-blueprint', 'blank']) {
      const file = `${id}.journey.${files.length % 2 ? 'yaml' : 'json'}`;
      const created = await cli('new', '--template', id, '-o', file, '--title', `My ${id}`);
      expect(created.code, created.stderr).toBe(0);
      files.push(file);
    }
    const validated = await cli('validate', ...files);
    expect(validated.code, validated.stderr).toBe(0);
    expect(readFileSync(at('blank.journey.json'), 'utf8')).toContain('"title": "My blank"');
  });

  it('refuses to overwrite, and rejects unknown templates', async () => {
    writeFileSync(at('taken.journey.json'), 'keep me');
    const taken = await cli('new', '--template', 'ecommerce', '-o', 'taken.journey.json');
    expect(taken.code).toBe(1);
    expect(readFileSync(at('taken.journey.json'), 'utf8')).toBe('keep me');
    const unknown = await cli('new', '--template', 'nope', '-o', 'nope.journey.json');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown template "nope"/);
    expect(existsSync(at('nope.journey.json'))).toBe(false);
    expect((await cli('new', '-o', 'x.journey.json')).code).toBe(2);
  });
});

describe('diff', () => {
  it('compares a linked current/future pair in text and JSON', async () => {
    const pair = await cli(
      'new',
      '--template',
      'future-state',
      '-o',
      'future.journey.json',
      '--with-current',
      'current.journey.json',
    );
    expect(pair.code, pair.stderr).toBe(0);
    expect((await cli('validate', 'future.journey.json')).code).toBe(0);
    const text = await cli('diff', 'current.journey.json', 'future.journey.json');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/renamed to/);
    const json = await cli('diff', 'current.journey.json', 'future.journey.json', '--json');
    const diff = JSON.parse(json.stdout);
    expect(diff.changes.length).toBeGreaterThan(0);
    expect((await cli('diff', 'current.journey.json', 'current.journey.json', '--exit-code')).code).toBe(0);
    expect((await cli('diff', 'current.journey.json', 'future.journey.json', '--exit-code')).code).toBe(1);
  });
});

describe('export and import through Mermaid and CSV', () => {
  it('round-trips a template through mermaid and csv into valid maps', async () => {
    await cli('new', '--template', 'ecommerce', '-o', 'shop.journey.json');
    expect((await cli('export', 'shop.journey.json', '-f', 'mermaid', '-o', 'shop.mmd')).code).toBe(0);
    expect(readFileSync(at('shop.mmd'), 'utf8')).toMatch(/^journey\n/);
    expect((await cli('export', 'shop.journey.json', '-f', 'csv', '-o', 'shop.csv')).code).toBe(0);
    expect((await cli('import', 'shop.mmd', '-o', 'from-mermaid.journey.yaml')).code).toBe(0);
    expect((await cli('import', 'shop.csv', '-o', 'from-csv.journey.json')).code).toBe(0);
    const validated = await cli('validate', 'from-mermaid.journey.yaml', 'from-csv.journey.json');
    expect(validated.code, validated.stderr).toBe(0);
    const markdown = await cli('export', 'shop.journey.json', '-f', 'md');
    expect(markdown.stdout).toMatch(/^# /);
  });

  it('reports import problems located and writes nothing', async () => {
    writeFileSync(at('bad.mmd'), 'journey\n  title Broken\n  section One\n    a task without a score\n');
    const run = await cli('import', 'bad.mmd', '-o', 'bad.journey.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bad\.mmd:4:\d+: /m);
    expect(existsSync(at('bad.journey.json'))).toBe(false);
    expect((await cli('import', 'bad.txt', '-o', 'x.journey.json')).code).toBe(2);
  });
});
