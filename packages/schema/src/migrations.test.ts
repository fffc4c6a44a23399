import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from './Journey';
import { migrateDocument } from './migrate';
import type { LooseRecord, Migration } from './migration';
import { validateJourney } from './validate';

const tested = new Set<string>();

/** Runs one migration on a deep-frozen copy, so any mutation of the input throws. */
function runMigration(id: string, input: LooseRecord): LooseRecord {
  const migration = MIGRATIONS.find((candidate) => candidate.id === id);
  if (!migration) throw new Error(`no migration ${id}`);
  tested.add(id);
  const frozen = deepFreeze(structuredClone(input));
  const before = JSON.stringify(frozen);
  const output = (migration as Migration).up(frozen);
  expect(JSON.stringify(frozen)).toBe(before);
  return output;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A schemaVersion 1 document as old files had it. */
const versionOne = (): LooseRecord => ({
  schemaVersion: 1,
  map: { id: 'map:old', title: 'Old map', type: 'current-state', reviewDate: '2025-06-01' },
  stages: [{ id: 'stage:a', index: 'a0', name: 'Awareness' }],
  lanes: [{ id: 'lane:do', index: 'a0', kind: 'actions', label: 'Doing' }],
  cards: [
    { id: 'card:1', laneId: 'lane:do', stageId: 'stage:a', index: 'a0', text: 'Sees an ad', tag: 'ads' },
  ],
  emotions: [{ id: 'emotion:a', stageId: 'stage:a', score: 4 }],
});

describe('trailmap.map/2-review', () => {
  it('turns a lone reviewDate into a quarterly review', () => {
    const map = runMigration('trailmap.map/2-review', { id: 'map:x', reviewDate: '2025-06-01' });
    expect(map).toEqual({ id: 'map:x', review: { cadence: 'quarterly', nextReviewDate: '2025-06-01' } });
  });
  it('leaves maps without a review date alone', () => {
    expect(runMigration('trailmap.map/2-review', { id: 'map:x', title: 'T' })).toEqual({
      id: 'map:x',
      title: 'T',
    });
  });
});

describe('trailmap.card/2-tags', () => {
  it('moves the single tag to the front of the tags list', () => {
    expect(runMigration('trailmap.card/2-tags', { id: 'card:1', tag: 'ads' })).toEqual({
      id: 'card:1',
      tags: ['ads'],
    });
    expect(runMigration('trailmap.card/2-tags', { id: 'card:1', tag: 'b', tags: ['a', 'b'] })).toEqual({
      id: 'card:1',
      tags: ['b', 'a'],
    });
  });
  it('leaves cards without a tag alone', () => {
    expect(runMigration('trailmap.card/2-tags', { id: 'card:1', tags: ['x'] })).toEqual({
      id: 'card:1',
      tags: ['x'],
    });
  });
});

describe('trailmap.emotion/2-centered-scale', () => {
  it('maps the 1..5 scale onto -2..+2', () => {
    const scores = [1, 2, 3, 4, 5].map(
      (score) => runMigration('trailmap.emotion/2-centered-scale', { id: 'emotion:a', score }).score,
    );
    expect(scores).toEqual([-2, -1, 0, 1, 2]);
  });
  it('leaves a missing or non-numeric score for validation to report', () => {
    expect(runMigration('trailmap.emotion/2-centered-scale', { id: 'emotion:a', score: 'high' }).score).toBe(
      'high',
    );
  });
});

describe('migrateDocument', () => {
  it('has a test for every migration', () => {
    expect(MIGRATIONS.map((migration) => migration.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it('upgrades a version 1 document to a valid current document without touching the input', () => {
    const input = deepFreeze(versionOne());
    const result = migrateDocument(input);
    expect(result.fromVersion).toBe(1);
    expect(result.applied).toEqual(MIGRATIONS.filter((m) => m.toVersion > 1).map((m) => m.id));
    expect(result.document.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const validated = validateJourney(input);
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    expect(validated.migratedFrom).toBe(1);
    expect(validated.value.cards[0]!.tags).toEqual(['ads']);
    expect(validated.value.emotions[0]!.score).toBe(1);
    expect(validated.value.map.review).toEqual({ cadence: 'quarterly', nextReviewDate: '2025-06-01' });
  });

  it('applies nothing to a current document', () => {
    const result = migrateDocument({ ...versionOne(), schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(result.applied).toEqual([]);
  });

  it.each([
    [{ map: {} }, 'SCHEMA_VERSION_MISSING'],
    [{ schemaVersion: '2' }, 'SCHEMA_VERSION_INVALID'],
    [{ schemaVersion: 1.5 }, 'SCHEMA_VERSION_INVALID'],
    [{ schemaVersion: 0 }, 'SCHEMA_VERSION_INVALID'],
    [{ schemaVersion: CURRENT_SCHEMA_VERSION + 1 }, 'SCHEMA_TOO_NEW'],
    [[], 'NOT_A_DOCUMENT'],
  ])('refuses %j with %s', (input, code) => {
    expect(() => migrateDocument(input)).toThrow(expect.objectContaining({ code }));
  });

  it('keeps migration ids unique and versions within the current one', () => {
    const ids = MIGRATIONS.map((migration) => migration.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const migration of MIGRATIONS)
      expect(migration.toVersion).toBeLessThanOrEqual(CURRENT_SCHEMA_VERSION);
  });
});
