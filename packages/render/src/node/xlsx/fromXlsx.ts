import { keysAfter, type CommandContext } from '@trailmap/core';
import {
  CURRENT_SCHEMA_VERSION,
  LANE_KINDS,
  TrailmapError,
  validateJourney,
  type EmotionPoint,
  type JourneyInput,
  type Journey,
  type LaneKind,
} from '@trailmap/schema';
import ExcelJS from 'exceljs';
import { GRID, SHEETS } from './cells';
import { cellText, listOf, readTable } from './readSheet';
import { readFlatSheets } from './readFlatSheets';

export interface FromXlsxOptions {
  /** New ids for records the workbook does not name (cells typed in by hand). */
  ctx: CommandContext;
}

interface GridColumn {
  stageId: string;
  stageName: string;
  stepId?: string;
  stepName: string;
}

const invalid = (message: string, details?: unknown, cause?: unknown) =>
  new TrailmapError('XLSX_INVALID', message, { status: 422, details, cause });

function readColumns(sheet: ExcelJS.Worksheet, ctx: CommandContext): GridColumn[] {
  const columns: GridColumn[] = [];
  const stageIdsByName = new Map<string, string>();
  const stepIdsByKey = new Map<string, string>();
  for (let c = GRID.firstColumn; c <= sheet.columnCount; c++) {
    const stageName = cellText(sheet.getCell(GRID.stageRow, c)).trim();
    if (!stageName) break;
    const stepName = cellText(sheet.getCell(GRID.stepRow, c)).trim();
    const [idStage, idStep] = cellText(sheet.getCell(GRID.idRow, c)).trim().split(/\s+/);
    const stageId = idStage?.startsWith('stage:')
      ? idStage
      : (stageIdsByName.get(stageName) ?? ctx.newId('stage'));
    stageIdsByName.set(stageName, stageId);
    let stepId: string | undefined;
    if (stepName) {
      const key = `${stageId}\u0000${stepName}`;
      stepId = idStep?.startsWith('step:') ? idStep : (stepIdsByKey.get(key) ?? ctx.newId('step'));
      stepIdsByKey.set(key, stepId);
    }
    columns.push({ stageId, stageName, stepName, ...(stepId ? { stepId } : {}) });
  }
  return columns;
}

interface GridLane {
  id: string;
  label: string;
  kind: LaneKind;
  rows: number[];
}

function readLanes(sheet: ExcelJS.Worksheet, ctx: CommandContext): GridLane[] {
  const lanes: GridLane[] = [];
  for (let r = GRID.firstRow; r <= sheet.rowCount; r++) {
    const label = cellText(sheet.getCell(r, GRID.laneColumn)).trim();
    if (!label) continue;
    const kindText = cellText(sheet.getCell(r, GRID.kindColumn)).trim();
    const kind = (LANE_KINDS as readonly string[]).includes(kindText) ? (kindText as LaneKind) : 'custom';
    const idText = cellText(sheet.getCell(r, GRID.idColumn)).trim();
    const previous = lanes[lanes.length - 1];
    const isSameLane =
      previous &&
      previous.rows[previous.rows.length - 1] === r - 1 &&
      previous.label === label &&
      previous.kind === kind &&
      (idText === '' || idText === previous.id);
    if (isSameLane) previous.rows.push(r);
    else lanes.push({ id: idText.startsWith('lane:') ? idText : ctx.newId('lane'), label, kind, rows: [r] });
  }
  return lanes;
}

/**
 * Reads a workbook written by {@link toXlsx} (or edited from one) back into a journey. The grid is
 * the source of truth for stages, steps, lanes and card texts; the flat sheets add card details,
 * emotions, opportunities, personas, evidence and the map's own fields. Ids are kept where the
 * workbook has them and come from `ctx` where it does not.
 * @throws TrailmapError `XLSX_INVALID` (422) when the workbook is not a Trailmap export or the
 *   result is not a valid journey
 */
export async function fromXlsx(buffer: Uint8Array, options: FromXlsxOptions): Promise<Journey> {
  const { ctx } = options;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw invalid('the file is not a readable .xlsx workbook', undefined, error);
  }
  const grid = workbook.getWorksheet(SHEETS.grid);
  if (!grid) throw invalid(`the workbook has no "${SHEETS.grid}" sheet`);
  const columns = readColumns(grid, ctx);
  const lanes = readLanes(grid, ctx);
  const flat = readFlatSheets(workbook);

  const cardDetails = new Map(
    readTable(workbook.getWorksheet(SHEETS.cards)).map((row) => [
      [row['Lane id'], row['Stage id'], row['Step id'] ?? '', row.Text].join('\u0000'),
      row,
    ]),
  );
  const cards: Record<string, unknown>[] = [];
  const gridEmotions: Omit<EmotionPoint, 'id'>[] = [];
  for (const lane of lanes) {
    columns.forEach((column, i) => {
      for (const r of lane.rows) {
        const cell = grid.getCell(r, GRID.firstColumn + i);
        const text = cellText(cell);
        if (!text.trim()) continue;
        if (lane.kind === 'emotions') {
          const score = Number(text);
          if (Number.isFinite(score))
            gridEmotions.push({
              stageId: column.stageId,
              ...(column.stepId ? { stepId: column.stepId } : {}),
              score: Math.max(-2, Math.min(2, score)),
              evidenceIds: [],
            });
          continue;
        }
        const details = cardDetails.get([lane.id, column.stageId, column.stepId ?? '', text].join('\u0000'));
        cards.push({
          id: details?.Id?.startsWith('card:') ? details.Id : ctx.newId('card'),
          laneId: lane.id,
          stageId: column.stageId,
          ...(column.stepId ? { stepId: column.stepId } : {}),
          text,
          tags: listOf(details?.Tags),
          evidenceIds: listOf(details?.Evidence),
          ...optional('priority', details?.Priority),
          ...optional('owner', details?.Owner),
          ...optional('channel', details?.Channel),
          ...optional('color', details?.Color),
        });
      }
    });
  }
  const stageIds = [...new Set(columns.map((column) => column.stageId))];
  const stageKeys = keysAfter(null, stageIds.length);
  const steps = columns.filter((column) => column.stepId);
  const stepKeys = keysAfter(null, steps.length);
  const laneKeys = keysAfter(null, lanes.length);
  const cardKeys = keysAfter(null, cards.length);
  const input: JourneyInput = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    map: { ...flat.map, id: flat.map.id ?? ctx.newId('map') } as JourneyInput['map'],
    personas: flat.personas,
    stages: stageIds.map((id, i): Record<string, unknown> => ({
      id,
      index: stageKeys[i]!,
      name: columns.find((column) => column.stageId === id)!.stageName,
      ...stageDetails(flat.structure.get(id)),
    })) as JourneyInput['stages'],
    steps: steps.map((column, i) => ({
      id: column.stepId!,
      stageId: column.stageId,
      index: stepKeys[i]!,
      name: column.stepName,
      ...optional('description', flat.structure.get(column.stepId!)?.Description),
    })),
    lanes: lanes.map((lane, i) => ({
      id: lane.id,
      index: laneKeys[i]!,
      kind: lane.kind,
      label: lane.label,
      ...optional('lineAbove', flat.structure.get(lane.id)?.['Line above']),
      ...(flat.structure.get(lane.id)?.Collapsed === 'yes' ? { collapsed: true } : {}),
    })) as JourneyInput['lanes'],
    connections: flat.connections,
    cards: cards.map((card, i) => ({ ...card, index: cardKeys[i]! })) as JourneyInput['cards'],
    emotions: flat.emotions ?? gridEmotions.map((point) => ({ ...point, id: ctx.newId('emotion') })),
    opportunities: flat.opportunities(ctx),
    evidence: flat.evidence,
  };
  const result = validateJourney(input);
  if (!result.ok) throw invalid('the workbook does not describe a valid journey', result.issues);
  return result.value;
}

/** Goal, description and duration of a stage from the "Stages & lanes" sheet. */
function stageDetails(row: Record<string, string> | undefined) {
  if (!row) return {};
  const min = Number(row['Duration min']);
  const max = Number(row['Duration max']);
  const hasDuration = row['Duration min']?.trim() && Number.isFinite(min) && row['Duration unit'];
  return {
    ...optional('goal', row.Goal),
    ...optional('description', row.Description),
    ...(hasDuration
      ? {
          duration: {
            min,
            ...(row['Duration max']?.trim() && Number.isFinite(max) ? { max } : {}),
            unit: row['Duration unit'],
          },
        }
      : {}),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value?.trim() ? ({ [key]: value.trim() } as Record<K, string>) : {};
}
