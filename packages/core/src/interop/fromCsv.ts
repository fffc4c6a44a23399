import { parse } from 'csv-parse/sync';
import {
  CURRENT_SCHEMA_VERSION,
  EMOTION_MAX,
  EMOTION_MIN,
  LANE_KINDS,
  TrailmapError,
  type Issue,
  type Journey,
  type LaneKind,
} from '@trailmap/schema';
import type { CommandContext } from '../commands/defineCommand';
import { keysAfter } from '../ordering';
import { unguardCell } from './csvGuard';
import { importTitle } from './grid';

export interface FromCsvOptions {
  ctx: CommandContext;
  title?: string;
  /** Used for the title when none is given (`grid.csv` → "grid"). */
  filename?: string;
}

interface LaneRows {
  label: string;
  kind: LaneKind;
  rows: { cells: string[]; line: number }[];
}

const LANE_CELL = /^(.*?)\s*\[([a-z-]+)\]\s*$/;

/** `Label [kind]` → label and kind; without a valid `[kind]`, the kind is guessed from the label. */
export function parseLaneCell(cell: string): { label: string; kind: LaneKind } {
  const match = LANE_CELL.exec(cell);
  if (match && (LANE_KINDS as readonly string[]).includes(match[2]!) && match[1]!.trim() !== '') {
    return { label: match[1]!.trim(), kind: match[2] as LaneKind };
  }
  const label = cell.trim();
  const slug = label
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
  const guess = (LANE_KINDS as readonly string[]).find((kind) => kind === slug || `${kind}s` === slug);
  return {
    label: label || 'Lane',
    kind: (guess as LaneKind | undefined) ?? (slug === 'emotion' ? 'emotions' : 'custom'),
  };
}

/**
 * Reads a grid written by {@link toCsv} (or typed by hand in a spreadsheet): header
 * `lane,<stage…>`, then rows whose first cell names the lane. Consecutive rows with the same
 * lane cell form one lane; each non-empty cell becomes a card in that lane × stage, in row
 * order. The first row of an emotions lane holds the stage scores (−2..+2); only the first emotions lane's are read. Formula guards
 * written by export are stripped.
 * @throws TrailmapError `INVALID_CSV` (400) with `details: Issue[]` (line = CSV line, col = column number)
 */
export function fromCsv(text: string, options: FromCsvOptions): Journey {
  const issues: Issue[] = [];
  const problem = (line: number, col: number, message: string) =>
    issues.push({ pointer: '', code: 'INVALID_CSV', message, line, col });
  const records = readRecords(text);
  const header = records[0];
  if (!header) problem(1, 1, 'the CSV is empty; expected a header row "lane,<stage names…>"');
  else if (header.cells[0]?.trim().toLowerCase() !== 'lane') {
    problem(
      header.line,
      1,
      `the first header cell must be "lane", found "${(header.cells[0] ?? '').slice(0, 40)}"`,
    );
  }
  const stageNames = (header?.cells.slice(1) ?? []).map(unguardCell).map((name) => name.trim());
  stageNames.forEach((name, i) => {
    if (name === '') problem(header!.line, i + 2, 'a stage column needs a name');
    else if (name.length > 200) problem(header!.line, i + 2, 'stage name is longer than 200 characters');
  });

  const lanes: LaneRows[] = [];
  let previousCell: string | undefined;
  for (const record of records.slice(1)) {
    const laneText = unguardCell(record.cells[0] ?? '');
    if (laneText.trim() === '') {
      problem(record.line, 1, 'the first cell of a row must name its lane');
      continue;
    }
    if (laneText !== previousCell) lanes.push({ ...parseLaneCell(laneText), rows: [] });
    previousCell = laneText;
    lanes[lanes.length - 1]!.rows.push({ cells: record.cells.slice(1).map(unguardCell), line: record.line });
  }
  if (lanes.length > 100) problem(lanes[100]!.rows[0]!.line, 1, 'a map holds at most 100 lanes');
  if (stageNames.length > 200) problem(header!.line, 202, 'a map holds at most 200 stages');
  if (issues.length > 0) throw invalid(issues);
  return buildJourney(
    stageNames,
    lanes,
    importTitle('Imported journey', options),
    options.ctx,
    problem,
    issues,
  );
}

function readRecords(text: string): { cells: string[]; line: number }[] {
  try {
    const rows = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return rows.map(({ record, info }) => ({ cells: record, line: info.lines }));
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    const message =
      error instanceof Error ? error.message.replace(/^Invalid \w+( \w+)*: /, '') : String(error);
    throw invalid([
      { pointer: '', code: 'INVALID_CSV', message: `not valid CSV: ${message}`, line: lines ?? 1, col: 1 },
    ]);
  }
}

const invalid = (issues: Issue[]) =>
  new TrailmapError('INVALID_CSV', `the CSV grid has ${issues.length} problem(s)`, {
    status: 400,
    details: issues,
  });

function buildJourney(
  stageNames: string[],
  lanes: LaneRows[],
  title: string,
  ctx: CommandContext,
  problem: (line: number, col: number, message: string) => void,
  issues: Issue[],
): Journey {
  const stageKeys = keysAfter(null, stageNames.length);
  const stages = stageNames.map((name, i) => ({ id: ctx.newId('stage'), index: stageKeys[i]!, name }));
  const laneKeys = lanes.length > 0 ? keysAfter(null, lanes.length) : [];
  const builtLanes = lanes.map((lane, i) => ({
    id: ctx.newId('lane'),
    index: laneKeys[i]!,
    kind: lane.kind,
    label: lane.label.slice(0, 200),
  }));
  const emotions: Journey['emotions'] = [];
  const cellTexts = new Map<string, string[]>();
  let hasScores = false;
  let cardCount = 0;
  lanes.forEach((lane, l) => {
    let rows = lane.rows;
    if (lane.kind === 'emotions' && hasScores) rows = rows.slice(1);
    else if (lane.kind === 'emotions') {
      hasScores = true;
      const [scoreRow, ...rest] = rows;
      rows = rest;
      scoreRow?.cells.forEach((cell, s) => {
        if (cell.trim() === '') return;
        const score = Number(cell.trim());
        if (!Number.isFinite(score) || score < EMOTION_MIN || score > EMOTION_MAX) {
          problem(
            scoreRow.line,
            s + 2,
            `emotion score must be a number from ${EMOTION_MIN} to +${EMOTION_MAX}, found "${cell.slice(0, 20)}"`,
          );
        } else emotions.push({ id: ctx.newId('emotion'), stageId: stages[s]!.id, score, evidenceIds: [] });
      });
    }
    for (const row of rows) {
      row.cells.forEach((cell, s) => {
        if (cell.trim() === '') return;
        if (cell.length > 2000) return problem(row.line, s + 2, 'card text is longer than 2000 characters');
        if (++cardCount === 20001) return problem(row.line, s + 2, 'a map holds at most 20000 cards');
        if (cardCount > 20001) return;
        const key = `${l}|${s}`;
        const texts = cellTexts.get(key);
        if (texts) texts.push(cell);
        else cellTexts.set(key, [cell]);
      });
    }
  });
  if (issues.length > 0) throw invalid(issues);
  const cards = [...cellTexts.entries()].flatMap(([key, texts]) => {
    const [l, s] = key.split('|').map(Number) as [number, number];
    const keys = keysAfter(null, texts.length);
    return texts.map((text, n) => ({
      id: ctx.newId('card'),
      laneId: builtLanes[l]!.id,
      stageId: stages[s]!.id,
      index: keys[n]!,
      text,
      tags: [],
      evidenceIds: [],
    }));
  });
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    map: { id: ctx.newId('map'), title, type: 'current-state', expectations: [], tags: [] },
    personas: [],
    stages,
    steps: [],
    lanes: builtLanes,
    cards,
    emotions,
    connections: [],
    opportunities: [],
    evidence: [],
    metricBindings: [],
  };
}
