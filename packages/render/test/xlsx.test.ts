import { fixedContext, toCanonicalJson } from '@trailmap/core';
import type { Journey } from '@trailmap/schema';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fromXlsx, toXlsx } from '../src/node/index';
import { FIXTURE_IDS, loadFixture } from './support/fixtures';
import { HOSTILE } from './support/nastyDoc';

/**
 * What a spreadsheet round trip must keep: every record and field except fractional index keys
 * (rewritten, in the same order) and metric bindings (analytics wiring, not spreadsheet content).
 */
function comparable(doc: Journey) {
  const withoutIndex = <T extends { id: string; index?: string }>(records: T[]) =>
    [...records].sort((a, b) => (a.id < b.id ? -1 : 1)).map(({ index: _index, ...rest }) => rest);
  return JSON.parse(
    toCanonicalJson({
      ...doc,
      stages: withoutIndex(doc.stages),
      steps: withoutIndex(doc.steps),
      lanes: withoutIndex(doc.lanes),
      cards: withoutIndex(doc.cards),
      opportunities: withoutIndex(doc.opportunities),
      metricBindings: [],
    } as unknown as Journey),
  );
}

/** Display order: stage, lane, card and opportunity ids in index order. */
function displayOrder(doc: Journey) {
  const ids = <T extends { id: string; index: string }>(records: T[]) =>
    [...records]
      .sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : 1))
      .map((r) => r.id);
  const cells = new Map<string, string[]>();
  for (const id of ids(doc.cards)) {
    const card = doc.cards.find((c) => c.id === id)!;
    const key = `${card.laneId} ${card.stageId} ${card.stepId ?? ''}`;
    cells.set(key, [...(cells.get(key) ?? []), id]);
  }
  return {
    stages: ids(doc.stages),
    lanes: ids(doc.lanes),
    steps: ids(doc.stages).map((stageId) => ids(doc.steps.filter((step) => step.stageId === stageId))),
    cells: Object.fromEntries([...cells].sort()),
  };
}

async function workbookOf(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('XLSX', () => {
  for (const id of FIXTURE_IDS) {
    it(`round-trips ${id} through the workbook`, async () => {
      const doc = loadFixture(id);
      const back = await fromXlsx(await toXlsx(doc), { ctx: fixedContext() });
      expect(comparable(back)).toEqual(comparable(doc));
      expect(displayOrder(back)).toEqual(displayOrder(doc));
    });
  }

  it('lays the grid out with stages as columns, frozen headers, wrapped text and colored scores', async () => {
    const doc = loadFixture('ecommerce');
    const workbook = await workbookOf(await toXlsx(doc));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Journey',
      'Cards',
      'Emotions',
      'Opportunities',
      'Personas',
      'Evidence',
      'Stages & lanes',
      'Connections',
      'Map',
    ]);
    const grid = workbook.getWorksheet('Journey')!;
    expect(grid.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 3 });
    const stageNames = [...doc.stages]
      .sort((a, b) => (a.index < b.index ? -1 : 1))
      .map((stage) => stage.name);
    expect(stageNames.map((_, i) => grid.getCell(1, 4 + i).value)).toEqual(stageNames);
    expect(grid.getRow(4).alignment).toMatchObject({ wrapText: true });
    const rules = (grid as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(rules.length).toBeGreaterThan(0);
  });

  it('guards cells against formula injection and reads them back unchanged', async () => {
    const doc = loadFixture('ecommerce');
    const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', "'quoted"];
    const hostile: Journey = {
      ...doc,
      cards: doc.cards.map((card, i) => (i < evil.length ? { ...card, text: evil[i]! } : card)),
      map: { ...doc.map, title: `=${HOSTILE}`.slice(0, 200) },
    };
    const buffer = await toXlsx(hostile);
    const workbook = await workbookOf(buffer);
    const values: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') values.push(cell.value);
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        }),
      ),
    );
    for (const value of values) expect(value, value).not.toMatch(/^[=+\-@\t\r]/);
    expect(values).toContain('\'=HYPERLINK("http://x","y")');
    const back = await fromXlsx(buffer, { ctx: fixedContext() });
    expect(back.cards.map((card) => card.text)).toEqual(expect.arrayContaining(evil));
    expect(back.map.title).toBe(hostile.map.title);
  });

  it('imports cells typed into the grid by hand with fresh ids', async () => {
    const doc = loadFixture('blank');
    const workbook = await workbookOf(await toXlsx(doc));
    const grid = workbook.getWorksheet('Journey')!;
    grid.getCell(4, 4).value = 'Typed in Excel';
    const back = await fromXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), {
      ctx: fixedContext(undefined, 'x'),
    });
    const card = back.cards.find((c) => c.text === 'Typed in Excel')!;
    expect(card.id).toMatch(/^card:x\d+$/);
    expect(card.stageId).toBe([...doc.stages].sort((a, b) => (a.index < b.index ? -1 : 1))[0]!.id);
  });

  it('rejects a workbook that is not a Trailmap export', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(fromXlsx(buffer, { ctx: fixedContext() })).rejects.toMatchObject({ code: 'XLSX_INVALID' });
    await expect(fromXlsx(Buffer.from('not a zip'), { ctx: fixedContext() })).rejects.toMatchObject({
      code: 'XLSX_INVALID',
    });
  });
});
