import { describe, expect, it } from 'vitest';
import type { Evidence } from '@trailmap/schema';
import { summarizeEvidence } from './evidenceSummary';
import { evidenceIndex } from './renderMetrics';

const record = (id: string, fields: Partial<Evidence>): Evidence => ({
  id: `evidence:${id}`,
  source: 'interview',
  confidence: 'medium',
  ...fields,
});

describe('evidence summary', () => {
  const index = evidenceIndex([
    record('a', { source: 'assumption' }),
    record('i', { source: 'interview', confidence: 'low', date: '2026-10-01', title: 'Five calls' }),
    record('s', { source: 'survey', confidence: 'high' }),
    record('gone', { source: 'analytics', confidence: 'high', deletedAt: '2026-10-03T10:00:00Z' }),
  ]);

  it('says nothing without evidence, and ignores deleted records', () => {
    expect(summarizeEvidence([], index)).toEqual({ kind: 'none' });
    expect(summarizeEvidence(['evidence:gone'], index)).toEqual({ kind: 'none' });
  });

  it('tells "based on assumption" apart from research', () => {
    expect(summarizeEvidence(['evidence:a'], index)).toEqual({ kind: 'assumption' });
    expect(summarizeEvidence(['evidence:a', 'evidence:i'], index)).toMatchObject({
      kind: 'research',
      label: 'Interview ●○○',
      confidence: 'low',
    });
  });

  it('counts research and shows the best confidence, with one detail line per record', () => {
    const summary = summarizeEvidence(['evidence:i', 'evidence:s', 'evidence:gone'], index);
    expect(summary).toEqual({
      kind: 'research',
      label: 'Interview +1 ●●●',
      confidence: 'high',
      details: 'interview 2026-10-01, low confidence: Five calls\nsurvey, high confidence',
    });
  });
});
