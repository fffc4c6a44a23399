import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from './decode';
import { parseJourneyText } from './parse';
import { peekMapId } from './peek';

const YAML = `schemaVersion: 2
map:
  id: map:a
  title: A
  type: current-state
stages:
  - id: stage:a
    index: a0
    name: A
lanes:
  - id: lane:a
    index: a0
    kind: actions
    label: Do
cards:
  - id: card:a
    laneId: lane:a
    stageId: stage:a
    index: a0
    text: hello
`;

describe('parseJourneyText', () => {
  it('reads YAML and JSON with the same result', () => {
    const yaml = parseJourneyText(YAML, { filename: 'a.journey.yaml' });
    expect(yaml.ok).toBe(true);
    if (!yaml.ok) return;
    const json = parseJourneyText(JSON.stringify(yaml.doc), { filename: 'a.journey.json' });
    expect(json).toEqual({ ...yaml, format: 'json' });
  });

  it('accepts a UTF-8 byte-order mark in text and in bytes', () => {
    expect(parseJourneyText(`\uFEFF${YAML}`, { format: 'yaml' }).ok).toBe(true);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(YAML)]);
    expect(parseJourneyText(bytes, { format: 'yaml' }).ok).toBe(true);
  });

  it('locates schema problems at the offending YAML node', () => {
    const result = parseJourneyText(YAML.replace('text: hello', 'text: [1, 2]'), { format: 'yaml' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({
        pointer: '/cards/0/text',
        line: 20,
        col: 11,
        message: expect.stringMatching(/^text must be a string/),
      }),
    ]);
  });

  it('points unknown fields at the key and missing fields at the parent', () => {
    const text =
      '{\n  "schemaVersion": 2,\n  "map": {\n    "id": "map:a",\n    "type": "current-state",\n    "colour": "red"\n  }\n}';
    const result = parseJourneyText(text, { format: 'json' });
    if (result.ok) throw new Error('expected problems');
    expect(result.issues.map(({ pointer, line, col }) => [pointer, line, col])).toEqual([
      ['/map/title', 3, 10],
      ['/map/colour', 6, 5],
    ]);
  });

  it('detects the format from the first character when the name says nothing', () => {
    expect(parseJourneyText(YAML).format).toBe('yaml');
    expect(parseJourneyText('  {"schemaVersion": 2}').format).toBe('json');
  });

  it('runs extra checks on the parsed value and locates their issues', () => {
    const result = parseJourneyText(YAML, {
      format: 'yaml',
      checks: () => [{ pointer: '/map/title', code: 'CUSTOM', message: 'title is boring' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([expect.objectContaining({ code: 'CUSTOM', line: 4, col: 10 })]);
  });

  it('refuses oversized text', () => {
    const result = parseJourneyText(' '.repeat(MAX_DOCUMENT_BYTES + 1), { format: 'json' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'TOO_LARGE', line: 1, col: 1 });
  });

  it('keeps a __proto__ key as data, never as a prototype', () => {
    const result = parseJourneyText('{"schemaVersion": 2, "__proto__": {"polluted": true}}', {
      format: 'json',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.some((issue) => issue.pointer === '/__proto__')).toBe(true);
  });
});

describe('peekMapId', () => {
  it('reads the map id of valid and invalid documents alike', () => {
    expect(peekMapId(YAML, { filename: 'a.yaml' })).toBe('map:a');
    expect(peekMapId('{"map": {"id": "map:x"}, "cards": 3}', { filename: 'x.json' })).toBe('map:x');
    expect(peekMapId('{ broken', { filename: 'x.json' })).toBeUndefined();
  });
});
