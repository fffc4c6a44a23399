import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from './Journey';
import { validateJourney } from './validate';

const base = () => ({
  schemaVersion: 2,
  map: { id: 'map:a', title: 'A', type: 'current-state' },
  stages: [{ id: 'stage:a', index: 'a0', name: 'A' }],
  lanes: [{ id: 'lane:a', index: 'a0', kind: 'actions', label: 'Do' }],
  cards: [{ id: 'card:a', laneId: 'lane:a', stageId: 'stage:a', index: 'a0', text: 'x' }],
});

const issuesOf = (input: unknown) => {
  const result = validateJourney(input);
  return result.ok ? [] : result.issues;
};

describe('validateJourney messages', () => {
  it('tells a missing field from a mistyped one', () => {
    const doc = base() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    delete doc.map.title;
    doc.stages[0].name = 7;
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ pointer: '/map/title', message: 'title is required' }),
      expect.objectContaining({ pointer: '/stages/0/name', message: 'name must be a string (got number 7)' }),
    ]);
  });

  it('lists the allowed values of an enum and what was found', () => {
    const doc = { ...base(), map: { ...base().map, type: 'later' } };
    expect(issuesOf(doc)[0]!.message).toMatch(
      /^type must be one of "current-state", .* \(got the text "later"\)$/,
    );
  });

  it('names list items and explains dates and limits in plain words', () => {
    const doc = {
      ...base(),
      map: { ...base().map, tags: ['ok', ''] },
      evidence: [{ id: 'evidence:a', source: 'survey', deletedAt: 'yesterday' }],
    };
    expect(issuesOf(doc).map((issue) => issue.message)).toEqual([
      'tags cannot be empty',
      'deletedAt must be a date-time such as 2026-11-23T09:30:00Z (got the text "yesterday")',
    ]);
  });

  it('reports unknown fields at the field', () => {
    const doc = { ...base(), extra: true };
    expect(issuesOf(doc)).toEqual([
      { pointer: '/extra', code: 'UNKNOWN_FIELD', message: 'unknown field "extra"' },
    ]);
  });

  it('reports dangling references even when the shape is also wrong', () => {
    const doc = base();
    doc.stages[0]!.name = '';
    doc.cards[0]!.laneId = 'lane:ghost';
    const codes = issuesOf(doc).map((issue) => [issue.pointer, issue.code]);
    expect(codes).toEqual([
      ['/stages/0/name', 'INVALID_VALUE'],
      ['/cards/0/laneId', 'DANGLING_REFERENCE'],
    ]);
  });

  it('does not report references of a record whose id field is itself broken', () => {
    const doc = base() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    doc.cards[0].laneId = 42;
    expect(issuesOf(doc).map((issue) => issue.code)).toEqual(['INVALID_VALUE']);
  });

  it('survives garbage in every collection', () => {
    const doc = { ...base(), stages: 'x', cards: [null, 3, 'y'], emotions: { a: 1 } };
    const issues = issuesOf(doc);
    expect(issues.length).toBeGreaterThanOrEqual(5);
    for (const issue of issues) expect(issue.message).not.toMatch(/undefined/);
  });

  it('enforces the document limits', () => {
    const doc = base();
    const lanes = Array.from({ length: DOCUMENT_LIMITS.lanes + 1 }, (_, i) => ({
      id: `lane:l${i}`,
      index: 'a0',
      kind: 'custom',
      label: 'L',
    }));
    const issues = issuesOf({ ...doc, lanes });
    expect(
      issues.some((issue) => issue.pointer === '/lanes' && /at most 100 lanes/.test(issue.message)),
    ).toBe(true);
  });
});
