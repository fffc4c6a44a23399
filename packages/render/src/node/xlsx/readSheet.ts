import type ExcelJS from 'exceljs';
import { unguardCell } from './cells';

/** A cell as plain text: rich text joined, formulas replaced by their cached result, guard removed. */
export function cellText(cell: ExcelJS.Cell | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unguardCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return unguardCell(value.richText.map((part) => part.text).join(''));
    if ('text' in value && typeof value.text === 'string') return unguardCell(value.text);
    if ('result' in value && value.result !== undefined && value.result !== null) return String(value.result);
  }
  return '';
}

/** Rows of a table sheet as objects keyed by the header row (first row). */
export function readTable(sheet: ExcelJS.Worksheet | undefined): Record<string, string>[] {
  if (!sheet) return [];
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column] = cellText(cell).trim();
  });
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: Record<string, string> = {};
    let hasValue = false;
    header.forEach((name, column) => {
      if (!name) return;
      const value = cellText(row.getCell(column));
      record[name] = value;
      if (value.trim()) hasValue = true;
    });
    if (hasValue) rows.push(record);
  }
  return rows;
}

export const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
