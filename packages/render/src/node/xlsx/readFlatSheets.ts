import { keysAfter, type CommandContext } from '@trailmap/core';
import type { JourneyInput } from '@trailmap/schema';
import type ExcelJS from 'exceljs';
import { SHEETS, splitLines } from './cells';
import { listOf, readTable } from './readSheet';

type Loose = Record<string, unknown>;

/** Drops empty strings so optional fields stay absent instead of failing validation. */
const compact = (record: Loose): Loose =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '' && value !== undefined));

const numberOr = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return value?.trim() && Number.isFinite(parsed) ? parsed : fallback;
};

/** The flat sheets (map, personas, emotions, opportunities, evidence) as journey input records. */
export function readFlatSheets(workbook: ExcelJS.Workbook) {
  const mapFields = Object.fromEntries(
    readTable(workbook.getWorksheet(SHEETS.map)).map((row) => [row.Field, row.Value ?? '']),
  );
  const map = compact({
    id: mapFields.Id,
    title: mapFields.Title || 'Imported map',
    type: mapFields.Type || 'current-state',
    personaId: mapFields.Persona,
    scenario: mapFields.Scenario,
    description: mapFields.Description,
    expectations: splitLines(mapFields.Expectations ?? ''),
    tags: listOf(mapFields.Tags),
    review: mapFields['Review cadence']
      ? compact({ cadence: mapFields['Review cadence'], nextReviewDate: mapFields['Next review'] })
      : undefined,
    compare: mapFields['Compare map id']
      ? compact({
          mapId: mapFields['Compare map id'],
          relation: mapFields['Compare relation'] || 'related',
          title: mapFields['Compare title'],
          file: mapFields['Compare file'],
        })
      : undefined,
  }) as Partial<JourneyInput['map']> & { id?: string };

  const personas = readTable(workbook.getWorksheet(SHEETS.personas)).map((row) =>
    compact({
      id: row.Id,
      name: row.Name,
      role: row.Role,
      avatar: row.Avatar,
      quote: row.Quote,
      description: row.Description,
      goals: splitLines(row.Goals ?? ''),
      needs: splitLines(row.Needs ?? ''),
      frustrations: splitLines(row.Frustrations ?? ''),
      context: Object.fromEntries(
        splitLines(row.Context ?? '').map((line) => {
          const at = line.indexOf(':');
          return at === -1 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
        }),
      ),
    }),
  ) as JourneyInput['personas'];

  const emotionSheet = workbook.getWorksheet(SHEETS.emotions);
  const emotions = emotionSheet
    ? (readTable(emotionSheet).map((row) =>
        compact({
          id: row.Id,
          stageId: row['Stage id'],
          stepId: row['Step id'],
          score: numberOr(row.Score, 0),
          emoji: row.Emoji,
          note: row.Note,
          evidenceIds: listOf(row.Evidence),
        }),
      ) as JourneyInput['emotions'])
    : undefined;

  const opportunityRows = readTable(workbook.getWorksheet(SHEETS.opportunities));
  const opportunities = (ctx: CommandContext) => {
    const keys = keysAfter(null, opportunityRows.length);
    return opportunityRows.map((row, i) =>
      compact({
        id: row.Id?.startsWith('opp:') ? row.Id : ctx.newId('opportunity'),
        stageId: row['Stage id'],
        index: keys[i],
        title: row.Title,
        description: row.Description,
        owner: row.Owner,
        kpi: row.KPI,
        baseline: row.Baseline,
        target: row.Target,
        deadline: row.Deadline,
        status: row.Status || 'idea',
        votes: numberOr(row.Votes, 0),
        budget: row.Budget?.trim()
          ? { amount: numberOr(row.Budget, 0), currency: row.Currency || 'EUR' }
          : undefined,
        tags: listOf(row.Tags),
        problemCardIds: listOf(row['Pain points']),
        evidenceIds: listOf(row.Evidence),
      }),
    ) as JourneyInput['opportunities'];
  };

  const evidence = readTable(workbook.getWorksheet(SHEETS.evidence)).map((row) =>
    compact({
      id: row.Id,
      source: row.Source,
      title: row.Title,
      quote: row.Quote,
      url: row.Url,
      date: row.Date,
      confidence: row.Confidence || 'medium',
      query: row.Query,
      deletedAt: row['Deleted at'],
    }),
  ) as JourneyInput['evidence'];

  const structure = new Map(readTable(workbook.getWorksheet(SHEETS.structure)).map((row) => [row.Id, row]));
  const connections = readTable(workbook.getWorksheet(SHEETS.connections)).map((row) =>
    compact({
      id: row.Id,
      fromCardId: row['From card'],
      toCardId: row['To card'],
      kind: row.Kind,
      label: row.Label,
    }),
  ) as JourneyInput['connections'];

  return { map, personas, emotions, opportunities, evidence, structure, connections };
}
