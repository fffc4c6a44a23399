/**
 * Formula-injection guard for spreadsheet cells, with the same rules as core's CSV export: text
 * a spreadsheet could run as a formula (`= + - @`, tab, CR) gets a leading apostrophe; text that
 * already starts with one gets another, so import strips exactly one. Plain numbers stay numbers.
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

/** Sheet names and the header row of each flat sheet; import looks columns up by these names. */
export const SHEETS = {
  grid: 'Journey',
  cards: 'Cards',
  emotions: 'Emotions',
  opportunities: 'Opportunities',
  personas: 'Personas',
  evidence: 'Evidence',
  structure: 'Stages & lanes',
  connections: 'Connections',
  map: 'Map',
} as const;

export const CARD_COLUMNS = [
  'Id',
  'Lane id',
  'Stage id',
  'Step id',
  'Text',
  'Priority',
  'Owner',
  'Channel',
  'Tags',
  'Color',
  'Evidence',
] as const;
export const EMOTION_COLUMNS = ['Id', 'Stage id', 'Step id', 'Score', 'Emoji', 'Note', 'Evidence'] as const;
export const STRUCTURE_COLUMNS = [
  'Record',
  'Id',
  'Stage id',
  'Name',
  'Goal',
  'Description',
  'Duration min',
  'Duration max',
  'Duration unit',
  'Lane kind',
  'Line above',
  'Collapsed',
] as const;
export const CONNECTION_COLUMNS = ['Id', 'From card', 'To card', 'Kind', 'Label'] as const;
export const OPPORTUNITY_COLUMNS = [
  'Id',
  'Stage id',
  'Title',
  'Description',
  'Owner',
  'KPI',
  'Baseline',
  'Target',
  'Deadline',
  'Status',
  'Votes',
  'Budget',
  'Currency',
  'Tags',
  'Pain points',
  'Evidence',
] as const;
export const PERSONA_COLUMNS = [
  'Id',
  'Name',
  'Role',
  'Avatar',
  'Quote',
  'Description',
  'Goals',
  'Needs',
  'Frustrations',
  'Context',
] as const;
export const EVIDENCE_COLUMNS = [
  'Id',
  'Source',
  'Title',
  'Quote',
  'Url',
  'Date',
  'Confidence',
  'Query',
  'Deleted at',
] as const;
export const MAP_FIELDS = [
  'Id',
  'Title',
  'Type',
  'Persona',
  'Scenario',
  'Description',
  'Expectations',
  'Tags',
  'Review cadence',
  'Next review',
  'Compare map id',
  'Compare relation',
  'Compare title',
  'Compare file',
] as const;

/** Grid geometry: header rows, hidden id row/column, first data row/column (1-based). */
export const GRID = {
  stageRow: 1,
  stepRow: 2,
  idRow: 3,
  firstRow: 4,
  laneColumn: 1,
  kindColumn: 2,
  idColumn: 3,
  firstColumn: 4,
} as const;

/** Lists in one cell, one item per line. */
export const joinLines = (items: readonly string[]) => items.join('\n');
export const splitLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
