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
});
