/**
 * Spreadsheet formula-injection guard (OWASP "CSV injection"): a cell that a spreadsheet could
 * run as a formula gets a leading apostrophe, which spreadsheets treat as "text follows".
 * Cells that already start with an apostrophe get one too, so import can strip exactly one
 * guard without ever eating an apostrophe the user typed. Plain numbers (`-1`, `+2`, `0.5`) are
 * never formulas and stay as they are, so emotion scores remain numbers.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', "'"]);
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function guardCell(value: string): string {
  if (value === '' || PLAIN_NUMBER.test(value)) return value;
  return TRIGGERS.has(value[0]!) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return value.length >= 2 && value[0] === "'" && TRIGGERS.has(value[1]!) ? value.slice(1) : value;
}
