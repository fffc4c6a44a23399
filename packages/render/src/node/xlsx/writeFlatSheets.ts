import type ExcelJS from 'exceljs';
import { cellKey, type Model } from '../../layout/model';
import {
  CARD_COLUMNS,
  CONNECTION_COLUMNS,
  EMOTION_COLUMNS,
  EVIDENCE_COLUMNS,
  MAP_FIELDS,
  OPPORTUNITY_COLUMNS,
  PERSONA_COLUMNS,
  SHEETS,
  STRUCTURE_COLUMNS,
  guardCell,
  joinLines,
} from './cells';

export type Cell = string | number | undefined;

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F2A44' } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

const text = (value: Cell): Cell => (typeof value === 'string' ? guardCell(value) : value);
const byId = <T extends { id: string }>(records: readonly T[]) =>
  [...records].sort((a, b) => (a.id < b.id ? -1 : 1));

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  rows: Cell[][],
  widths: number[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow(row.map(text));
  sheet.getRow(1).eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
  });
  header.forEach((_, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = widths[i] ?? 18;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return sheet;
}

/** The flat sheets: one row per record, ids kept so import can restore what the grid cannot show. */
export function addFlatSheets(workbook: ExcelJS.Workbook, model: Model) {
  const { doc } = model;
  const cards = model.lanes.flatMap((lane) =>
    model.stages.flatMap(({ stage, steps }) =>
      [undefined, ...steps].flatMap((step) =>
        (model.cardsByCell.get(cellKey(lane.id, stage.id, step?.id)) ?? []).map((card): Cell[] => [
          card.id,
          lane.id,
          stage.id,
          step?.id ?? '',
          card.text,
          card.priority ?? '',
          card.owner ?? '',
          card.channel ?? '',
          card.tags.join(', '),
          card.color ?? '',
          card.evidenceIds.join(', '),
        ]),
      ),
    ),
  );
  addTable(workbook, SHEETS.cards, CARD_COLUMNS, cards, [18, 18, 18, 18, 50, 10, 16, 12, 20, 10, 24]);
  const emotions = byId(doc.emotions).map((point): Cell[] => [
    point.id,
    point.stageId,
    point.stepId ?? '',
    point.score,
    point.emoji ?? '',
    point.note ?? '',
    point.evidenceIds.join(', '),
  ]);
  addTable(workbook, SHEETS.emotions, EMOTION_COLUMNS, emotions, [18, 18, 18, 8, 8, 50, 24]);
  const opportunities = model.stages.flatMap(({ stage }) =>
    (model.opportunitiesByStage.get(stage.id) ?? []).map((o): Cell[] => [
      o.id,
      stage.id,
      o.title,
      o.description ?? '',
      o.owner ?? '',
      o.kpi ?? '',
      o.baseline ?? '',
      o.target ?? '',
      o.deadline ?? '',
      o.status,
      o.votes,
      o.budget?.amount,
      o.budget?.currency ?? '',
      o.tags.join(', '),
      o.problemCardIds.join(', '),
      o.evidenceIds.join(', '),
    ]),
  );
  addTable(
    workbook,
    SHEETS.opportunities,
    OPPORTUNITY_COLUMNS,
    opportunities,
    [18, 18, 32, 40, 18, 24, 12, 12, 12, 12, 8, 10, 9, 20, 24, 24],
  );
  const personas = byId(doc.personas).map((p): Cell[] => [
    p.id,
    p.name,
    p.role ?? '',
    p.avatar ?? '',
    p.quote ?? '',
    p.description ?? '',
    joinLines(p.goals),
    joinLines(p.needs),
    joinLines(p.frustrations),
    joinLines(Object.entries(p.context).map(([key, value]) => `${key}: ${value}`)),
  ]);
  addTable(workbook, SHEETS.personas, PERSONA_COLUMNS, personas, [18, 20, 20, 8, 40, 40, 40, 40, 40, 30]);
  const evidence = byId(doc.evidence).map((e): Cell[] => [
    e.id,
    e.source,
    e.title ?? '',
    e.quote ?? '',
    e.url ?? '',
    e.date ?? '',
    e.confidence,
    e.query ?? '',
    e.deletedAt ?? '',
  ]);
  addTable(workbook, SHEETS.evidence, EVIDENCE_COLUMNS, evidence, [18, 12, 30, 50, 30, 12, 10, 30, 20]);
  const structure: Cell[][] = [
    ...model.stages.flatMap(({ stage, steps }): Cell[][] => [
      [
        'stage',
        stage.id,
        '',
        stage.name,
        stage.goal ?? '',
        stage.description ?? '',
        stage.duration?.min,
        stage.duration?.max,
        stage.duration?.unit ?? '',
      ],
      ...steps.map((step): Cell[] => ['step', step.id, stage.id, step.name, '', step.description ?? '']),
    ]),
    ...model.lanes.map((lane): Cell[] => [
      'lane',
      lane.id,
      '',
      lane.label,
      '',
      '',
      undefined,
      undefined,
      '',
      lane.kind,
      lane.lineAbove ?? '',
      lane.collapsed ? 'yes' : '',
    ]),
  ];
  addTable(
    workbook,
    SHEETS.structure,
    STRUCTURE_COLUMNS,
    structure,
    [8, 18, 18, 24, 32, 32, 10, 10, 10, 14, 20, 10],
  );
  const connections = byId(doc.connections).map((c): Cell[] => [
    c.id,
    c.fromCardId,
    c.toCardId,
    c.kind,
    c.label ?? '',
  ]);
  addTable(workbook, SHEETS.connections, CONNECTION_COLUMNS, connections, [24, 24, 24, 22, 30]);
  const { map } = doc;
  const mapValues: Cell[] = [
    map.id,
    map.title,
    map.type,
    map.personaId ?? '',
    map.scenario ?? '',
    map.description ?? '',
    joinLines(map.expectations),
    map.tags.join(', '),
    map.review?.cadence ?? '',
    map.review?.nextReviewDate ?? '',
    map.compare?.mapId ?? '',
    map.compare?.relation ?? '',
    map.compare?.title ?? '',
    map.compare?.file ?? '',
  ];
  addTable(
    workbook,
    SHEETS.map,
    ['Field', 'Value'],
    MAP_FIELDS.map((field, i) => [field, mapValues[i]]),
    [16, 80],
  );
}
