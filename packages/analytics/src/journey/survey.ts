import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { gunzipSync } from 'node:zlib';
import { logError } from '../import/logError';

/** One survey answer. Scores are on their usual scales: CSAT 1–5, NPS 0–10, CES 1–7. */
export interface SurveyResponse {
  line: number;
  touchpoint: string | null;
  stage: string | null;
  caseId: string | null;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  text: string | null;
}

const COLUMN_ALIASES = {
  touchpoint: ['touchpoint', 'touch_point', 'channel_touchpoint', 'activity'],
  stage: ['stage', 'journey_stage', 'phase'],
  caseId: ['case_id', 'case', 'customer_id', 'user_id', 'session_id'],
  csat: ['csat', 'satisfaction'],
  nps: ['nps', 'likelihood_to_recommend', 'recommend'],
  ces: ['ces', 'effort', 'customer_effort'],
  text: ['text', 'verbatim', 'comment', 'feedback', 'answer'],
  metric: ['metric', 'question'],
  score: ['score', 'value', 'rating'],
} as const;

const RANGES = { csat: [1, 5], nps: [0, 10], ces: [1, 7] } as const;

const normalize = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Reads survey answers from CSV (optionally gzipped): wide (`csat`, `nps`, `ces` columns) or long
 * (`metric` + `score`), with optional `touchpoint`, `stage`, `case_id` and a free-text column.
 * Out-of-range or non-numeric scores are reported as `FILE:LINE: message`.
 */
export async function readSurvey(file: string): Promise<SurveyResponse[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw logError(file, 0, 'file not found or not readable', error);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw logError(file, 1, 'corrupt gzip data', error);
    }
  }
  let rows: string[][];
  try {
    rows = parse(bytes, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw logError(file, line, `malformed CSV (${(error as Error).message.split('\n')[0]})`, error);
  }
  const [header, ...body] = rows;
  if (!header || body.length === 0) throw logError(file, 1, 'the survey has no answers');
  const names = header.map(normalize);
  const find = (role: keyof typeof COLUMN_ALIASES) =>
    COLUMN_ALIASES[role].map((alias) => names.indexOf(alias)).find((index) => index >= 0) ?? -1;
  const columns = Object.fromEntries(
    Object.keys(COLUMN_ALIASES).map((role) => [role, find(role as keyof typeof COLUMN_ALIASES)]),
  ) as Record<keyof typeof COLUMN_ALIASES, number>;
  const hasScores =
    columns.csat >= 0 || columns.nps >= 0 || columns.ces >= 0 || (columns.metric >= 0 && columns.score >= 0);
  if (!hasScores && columns.text < 0) {
    throw logError(
      file,
      1,
      `no score or text columns (csat, nps, ces, metric+score, text); available columns: ${header.join(', ')}`,
    );
  }
  return body.map((row, i) => {
    const line = i + 2;
    const cell = (index: number) => (index >= 0 && row[index]!.trim() !== '' ? row[index]!.trim() : null);
    const score = (metric: keyof typeof RANGES, raw: string | null) => {
      if (raw === null) return null;
      const value = Number(raw);
      const [min, max] = RANGES[metric];
      if (!Number.isFinite(value) || value < min || value > max) {
        throw logError(file, line, `${metric} must be a number from ${min} to ${max}, found "${raw}"`);
      }
      return value;
    };
    const response: SurveyResponse = {
      line,
      touchpoint: cell(columns.touchpoint),
      stage: cell(columns.stage),
      caseId: cell(columns.caseId),
      csat: score('csat', cell(columns.csat)),
      nps: score('nps', cell(columns.nps)),
      ces: score('ces', cell(columns.ces)),
      text: cell(columns.text),
    };
    const metric = cell(columns.metric)?.toLowerCase();
    if (metric !== undefined) {
      if (metric !== 'csat' && metric !== 'nps' && metric !== 'ces') {
        throw logError(file, line, `metric must be csat, nps or ces, found "${metric}"`);
      }
      response[metric] = score(metric, cell(columns.score));
    }
    return response;
  });
}
