import { orderedLanes } from '@trailmap/core';
import type { Journey } from '@trailmap/schema';
import ExcelJS from 'exceljs';
import { buildModel, cellKey, type Model } from '../../layout/model';
import { GRID, SHEETS, guardCell } from './cells';
import { addFlatSheets, HEADER_FILL, HEADER_FONT, type Cell } from './writeFlatSheets';

const EMOTION_FILLS: [number, string][] = [
  [-1.5, 'FFE5484D'],
  [-0.5, 'FFF4A259'],
  [0.5, 'FFE9D86B'],
  [1.5, 'FF8FD18B'],
  [Infinity, 'FF30A46C'],
];

const text = (value: Cell): Cell => (typeof value === 'string' ? guardCell(value) : value);

/** Columns of the grid: one per stage, or one per step (plus one for cards on the stage itself). */
export function gridColumns(model: Model) {
  return model.stages.flatMap(({ stage, steps }) => {
    const hasLoose = model.lanes.some((lane) => model.cardsByCell.has(cellKey(lane.id, stage.id, undefined)));
    const keys = steps.length === 0 || hasLoose ? [undefined, ...steps] : steps;
    return keys.map((step) => ({ stage, step }));
  });
}

function addGrid(workbook: ExcelJS.Workbook, model: Model) {
  const { doc } = model;
  const sheet = workbook.addWorksheet(SHEETS.grid, {
    views: [{ state: 'frozen', xSplit: GRID.firstColumn - 1, ySplit: GRID.idRow }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = gridColumns(model);
  const at = (i: number) => GRID.firstColumn + i;
  sheet.getCell(GRID.stageRow, GRID.laneColumn).value = 'Lane';
  sheet.getCell(GRID.stageRow, GRID.kindColumn).value = 'Kind';
  sheet.getCell(GRID.stageRow, GRID.idColumn).value = 'Lane id';
  columns.forEach(({ stage, step }, i) => {
    sheet.getCell(GRID.stageRow, at(i)).value = text(stage.name);
    sheet.getCell(GRID.stepRow, at(i)).value = text(step?.name ?? '');
    sheet.getCell(GRID.idRow, at(i)).value = step ? `${stage.id} ${step.id}` : stage.id;
    sheet.getColumn(at(i)).width = 32;
  });
  for (let i = 0; i < columns.length;) {
    let end = i;
    while (end + 1 < columns.length && columns[end + 1]!.stage.id === columns[i]!.stage.id) end++;
    if (end > i) sheet.mergeCells(GRID.stageRow, at(i), GRID.stageRow, at(end));
    i = end + 1;
  }
  for (const rowNumber of [GRID.stageRow, GRID.stepRow]) {
    sheet.getRow(rowNumber).eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.font = HEADER_FONT;
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  }
  sheet.getRow(GRID.idRow).hidden = true;
  sheet.getColumn(GRID.idColumn).hidden = true;
  sheet.getColumn(GRID.laneColumn).width = 24;
  sheet.getColumn(GRID.kindColumn).width = 14;

  let row = GRID.firstRow;
  const lanes = orderedLanes(doc);
  const needsEmotionRow = doc.emotions.length > 0 && !lanes.some((lane) => lane.kind === 'emotions');
  const laneRows = [
    ...(needsEmotionRow ? [{ id: '', label: 'Emotion', kind: 'emotions' as const }] : []),
    ...lanes,
  ];
  for (const lane of laneRows) {
    const cells: Cell[][] = columns.map(({ stage, step }) =>
      lane.kind === 'emotions'
        ? doc.emotions
            .filter((point) => point.stageId === stage.id && point.stepId === step?.id)
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .map((point) => point.score)
        : (model.cardsByCell.get(cellKey(lane.id, stage.id, step?.id)) ?? []).map((card) => card.text),
    );
    const depth = Math.max(1, ...cells.map((cell) => cell.length));
    for (let k = 0; k < depth; k++) {
      const values: Cell[] = [lane.label, lane.kind, lane.id, ...cells.map((cell) => cell[k])];
      values.forEach((value, i) => {
        if (value !== undefined && value !== '') sheet.getCell(row + k, i + 1).value = text(value);
      });
    }
    if (depth > 1) {
      sheet.mergeCells(row, GRID.laneColumn, row + depth - 1, GRID.laneColumn);
      sheet.mergeCells(row, GRID.kindColumn, row + depth - 1, GRID.kindColumn);
      sheet.mergeCells(row, GRID.idColumn, row + depth - 1, GRID.idColumn);
    }
    sheet.getCell(row, GRID.laneColumn).font = { bold: true };
    if (lane.kind === 'emotions' && columns.length > 0) {
      sheet.addConditionalFormatting({
        ref: `${sheet.getCell(row, at(0)).address}:${sheet.getCell(row + depth - 1, at(columns.length - 1)).address}`,
        rules: EMOTION_FILLS.map(([below, argb], i) => ({
          type: 'expression',
          priority: i + 1,
          formulae: [
            `AND(ISNUMBER(${sheet.getCell(row, at(0)).address}),${sheet.getCell(row, at(0)).address}<${below === Infinity ? 99 : below})`,
          ],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } },
        })),
      });
    }
    row += depth;
  }
  for (let r = GRID.firstRow; r < row; r++) {
    sheet.getRow(r).alignment = { wrapText: true, vertical: 'top' };
  }
}

/**
 * The map as a workbook: the grid (stages as columns, lanes as rows, frozen headers, wrapped
 * text, emotion scores colored by value) plus flat sheets for cards, emotions, the action plan,
 * personas, evidence, stage/lane details, connections and the map itself. Every text cell is
 * guarded against formula injection. {@link fromXlsx} reads it back.
 */
export async function toXlsx(doc: Journey): Promise<Buffer> {
  const model = buildModel(doc);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trailmap';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  addGrid(workbook, model);
  addFlatSheets(workbook, model);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
