import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../src/model/EventLogBuilder';

type Row = [caseId: string, activity: string, time: number];

function build(rows: Row[], dropLast = false) {
  const builder = new EventLogBuilder();
  for (const [caseId, activity, time] of rows) {
    builder.add(builder.cases.internString(caseId), builder.activities.internString(activity), time);
  }
  if (dropLast) builder.removeLast();
  const log = builder.build();
  const cases = log.caseIds.map((id, c) => {
    const events: string[] = [];
    for (let e = log.caseStart[c]!; e < log.caseStart[c + 1]!; e++) {
      events.push(`${log.activities[log.activity[e]!]}@${log.time[e]}#${log.position[e]}`);
    }
    return `${id}: ${events.join(' ')}`;
  });
  return cases;
}

describe('EventLogBuilder', () => {
  it('keeps a log that arrives grouped by case and in time order as it is', () => {
    expect(
      build([
        ['a', 'X', 1],
        ['a', 'Y', 1],
        ['a', 'Z', 5],
        ['b', 'X', 0],
        ['c', 'Y', 9],
      ]),
    ).toEqual(['a: X@1#0 Y@1#1 Z@5#2', 'b: X@0#3', 'c: Y@9#4']);
  });

  it('regroups a case that comes back after another one, stable by input position', () => {
    expect(
      build([
        ['a', 'X', 1],
        ['b', 'X', 0],
        ['a', 'Y', 1],
      ]),
    ).toEqual(['a: X@1#0 Y@1#2', 'b: X@0#1']);
  });

  it('sorts a case whose times go backwards, ties in input order', () => {
    expect(
      build([
        ['a', 'X', 5],
        ['a', 'Y', 2],
        ['a', 'Z', 2],
        ['b', 'X', 0],
      ]),
    ).toEqual(['a: Y@2#1 Z@2#2 X@5#0', 'b: X@0#3']);
  });

  it('builds correctly after the last event is dropped', () => {
    expect(
      build(
        [
          ['a', 'X', 1],
          ['a', 'Y', 2],
          ['b', 'X', 0],
          ['b', 'Z', 3],
        ],
        true,
      ),
    ).toEqual(['a: X@1#0 Y@2#1', 'b: X@0#2']);
  });

  it('decodes ASCII and non-ASCII values alike', () => {
    expect(
      build([
        ['a', 'X', 1],
        ['b-é', 'Café ☕', 2],
        ['b-é', 'Y', 3],
      ]),
    ).toEqual(['a: X@1#0', 'b-é: Café ☕@2#1 Y@3#2']);
  });

  it('regroups a case that comes back after many grouped cases (case codes written only from then on)', () => {
    const rows: Row[] = [];
    for (let c = 0; c < 300; c++) rows.push([`k${c}`, 'X', c], [`k${c}`, 'Y', c + 1]);
    rows.push(['k7', 'Z', 2], ['k299', 'Z', 400], ['new', 'X', 0], ['k0', 'Z', 9]);
    const cases = build(rows);
    expect(cases).toHaveLength(301);
    expect(cases[0]).toBe('k0: X@0#0 Y@1#1 Z@9#603');
    expect(cases[7]).toBe('k7: Z@2#600 X@7#14 Y@8#15');
    expect(cases[299]).toBe('k299: X@299#598 Y@300#599 Z@400#601');
    expect(cases[300]).toBe('new: X@0#602');
  });

  it('hands over case ids and positions on demand, and lets them be replaced', () => {
    const builder = new EventLogBuilder();
    builder.add(builder.cases.internString('a'), builder.activities.internString('X'), 5);
    builder.add(builder.cases.internString('a'), builder.activities.internString('Y'), 1);
    const log = builder.build();
    expect(log.caseIds).toEqual(['a']);
    expect(Array.from(log.position)).toEqual([1, 0]);
    expect({ ...log }.caseIds).toEqual(['a']);
    log.caseIds = ['renamed'];
    expect(log.caseIds).toEqual(['renamed']);
  });
});
