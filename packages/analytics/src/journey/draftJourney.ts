import { validateJourney, type Journey, type JourneyInput } from '@trailmap/schema';
import { caseCount, type EventLog } from '../model/EventLog';
import { directlyFollows } from '../queries/directlyFollows';
import { measureJourney } from './measureJourney';

export interface DraftOptions {
  title?: string;
  /** How the log is named in evidence queries (a file name or `dataset:NAME`). */
  source?: string;
  /** Activities present in fewer cases than this share are left out (default 0.05). */
  minCaseShare?: number;
  maxActivities?: number;
  maxStages?: number;
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Fractional-index keys in order: a0…az, then b00…bzz. */
const indexKey = (i: number) =>
  i < 62 ? `a${DIGITS[i]}` : `b${DIGITS[Math.floor(i / 62) % 62]}${DIGITS[i % 62]}`;
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const humanSeconds = (seconds: number) =>
  seconds >= 86400
    ? `${(seconds / 86400).toFixed(1)} days`
    : seconds >= 3600
      ? `${(seconds / 3600).toFixed(1)} hours`
      : seconds >= 60
        ? `${(seconds / 60).toFixed(1)} minutes`
        : `${seconds.toFixed(0)} seconds`;

/** Main activities with the median relative position (0 = first event, 1 = last) of their first occurrence. */
function mainActivities(log: EventLog, minShare: number, max: number) {
  const width = log.activities.length;
  const casesWith = new Float64Array(width);
  const positions: number[][] = log.activities.map(() => []);
  const seen = new Int32Array(width).fill(-1);
  const cases = caseCount(log);
  for (let c = 0; c < cases; c++) {
    const from = log.caseStart[c]!;
    const length = log.caseStart[c + 1]! - from;
    for (let k = 0; k < length; k++) {
      const a = log.activity[from + k]!;
      if (seen[a] === c) continue;
      seen[a] = c;
      casesWith[a]!++;
      positions[a]!.push(length === 1 ? 0 : k / (length - 1));
    }
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  return log.activities
    .map((name, code) => ({
      name,
      cases: casesWith[code]!,
      position: casesWith[code]! > 0 ? median(positions[code]!) : 0,
    }))
    .filter((activity) => activity.cases > 0 && activity.cases >= minShare * cases)
    .sort((a, b) => b.cases - a.cases || (a.name < b.name ? -1 : 1))
    .slice(0, Math.max(1, max))
    .sort((a, b) => a.position - b.position || b.cases - a.cases || (a.name < b.name ? -1 : 1));
}

/** Splits activities sorted by position into at most `max` groups at the largest position gaps. */
function groupByGaps<T extends { position: number }>(items: T[], max: number): T[][] {
  const groups = Math.max(1, Math.min(max, Math.ceil(items.length / 2)));
  const cuts = items
    .slice(1)
    .map((item, i) => ({ at: i + 1, gap: item.position - items[i]!.position }))
    .sort((a, b) => b.gap - a.gap || a.at - b.at)
    .slice(0, groups - 1)
    .map((cut) => cut.at)
    .sort((a, b) => a - b);
  const out: T[][] = [];
  let start = 0;
  for (const cut of [...cuts, items.length]) {
    out.push(items.slice(start, cut));
    start = cut;
  }
  return out;
}

/**
 * Drafts a current-state map from a log: main activities grouped into ordered stages by typical
 * position, one action card per activity, touchpoint cards from a `touchpoint`/`channel`
 * attribute, pain-point candidates from the largest drop-offs and slowest steps, stage bindings,
 * and an `analytics` evidence record (with its query) behind every generated card.
 */
export function draftJourney(log: EventLog, options: DraftOptions = {}): Journey {
  const source = options.source ?? 'LOG';
  const activities = mainActivities(log, options.minCaseShare ?? 0.05, options.maxActivities ?? 12);
  const groups = groupByGaps(activities, options.maxStages ?? 6);
  const doc: JourneyInput &
    Required<Pick<JourneyInput, 'stages' | 'lanes' | 'cards' | 'evidence' | 'metricBindings'>> = {
    schemaVersion: 2,
    map: {
      id: 'map:draft',
      title: clip(options.title ?? `Drafted from ${source}`, 200),
      type: 'current-state',
      description: clip(
        `Drafted by trailmap from ${caseCount(log)} cases in ${source}. Review names and groupings.`,
        5000,
      ),
    },
    stages: [],
    lanes: [
      { id: 'lane:actions', index: 'a0', kind: 'actions', label: 'Actions' },
      { id: 'lane:touchpoints', index: 'a1', kind: 'touchpoints', label: 'Touchpoints' },
      { id: 'lane:pain-points', index: 'a2', kind: 'pain-points', label: 'Pain points' },
    ],
    cards: [],
    evidence: [],
    metricBindings: [],
  };
  const evidence = (title: string, query: string, quote?: string) => {
    const id = `evidence:e${doc.evidence.length + 1}`;
    doc.evidence.push({
      id,
      source: 'analytics',
      title: clip(title, 200),
      query: clip(query, 5000),
      confidence: 'high',
      ...(quote ? { quote: clip(quote, 5000) } : {}),
    });
    return id;
  };
  const cardsIn = new Map<string, number>();
  const card = (stageId: string, laneId: string, text: string, evidenceId: string) => {
    const key = `${stageId}|${laneId}`;
    const n = cardsIn.get(key) ?? 0;
    cardsIn.set(key, n + 1);
    doc.cards.push({
      id: `card:c${doc.cards.length + 1}`,
      laneId,
      stageId,
      index: indexKey(n),
      text: clip(text, 2000),
      evidenceIds: [evidenceId],
    });
  };
  const activityEvidence = evidence(
    'Activity frequencies and positions',
    `trailmap analyze dfg ${source} --json`,
  );
  groups.forEach((group, g) => {
    const stageId = `stage:s${g + 1}`;
    const first = group[0]!.name;
    const last = group[group.length - 1]!.name;
    doc.stages.push({
      id: stageId,
      index: indexKey(g),
      name: clip(group.length === 1 ? first : `${first} → ${last}`, 200),
    });
    doc.metricBindings.push({
      id: `binding:b${g + 1}`,
      targetId: stageId,
      rule: { activities: group.map((a) => a.name) },
    });
    for (const activity of group) {
      card(stageId, 'lane:actions', `${activity.name} (${activity.cases} cases)`, activityEvidence);
    }
  });
  addTouchpoints(log, groups, source, evidence, card);
  addPainPoints(log, doc, groups, source, evidence, card);
  const result = validateJourney(doc);
  if (!result.ok)
    throw new Error(`draftJourney built an invalid map: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.value;
}

type AddEvidence = (title: string, query: string, quote?: string) => string;
type AddCard = (stageId: string, laneId: string, text: string, evidenceId: string) => void;

function addTouchpoints(
  log: EventLog,
  groups: { name: string }[][],
  source: string,
  evidence: AddEvidence,
  card: AddCard,
) {
  const key = ['touchpoint', 'channel'].find((candidate) => log.attributes.has(candidate));
  if (!key) return;
  const column = log.attributes.get(key)!;
  groups.forEach((group, g) => {
    const codes = new Set(group.map((a) => log.activities.indexOf(a.name)));
    const counts = new Map<number, number>();
    for (let e = 0; e < log.activity.length; e++) {
      const value = column.codes[e]!;
      if (value >= 0 && codes.has(log.activity[e]!)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 3);
    if (top.length === 0) return;
    const id = evidence(
      `${key} values in stage ${g + 1}`,
      `trailmap analyze summary ${source} --filter contains=${group[0]!.name} --json`,
    );
    for (const [value, count] of top)
      card(`stage:s${g + 1}`, 'lane:touchpoints', `${column.values[value]} (${count} events)`, id);
  });
}

function addPainPoints(
  log: EventLog,
  doc: JourneyInput,
  groups: { name: string }[][],
  source: string,
  evidence: AddEvidence,
  card: AddCard,
) {
  const draft = validateJourney(doc);
  if (!draft.ok) return;
  const measures = measureJourney(log, draft.value);
  const dropOffs = measures.stages
    .filter((stage) => stage.conversionToNext && stage.dropOff > 0)
    .sort((a, b) => b.dropOff - a.dropOff)
    .slice(0, 2);
  for (const stage of dropOffs) {
    const share = 1 - stage.conversionToNext!.share;
    const steps = groups.map((group) => group[0]!.name).join('>');
    const id = evidence(
      `Drop-off after ${stage.name}`,
      `trailmap analyze funnel ${source} --steps "${steps}" --json`,
    );
    card(
      stage.stageId,
      'lane:pain-points',
      `${stage.dropOff} cases (${(share * 100).toFixed(1)}%) never reach the next stage`,
      id,
    );
  }
  const main = new Set(groups.flat().map((a) => a.name));
  const stageOf = new Map(
    groups.flatMap((group, g) => group.map((a) => [a.name, `stage:s${g + 1}`] as const)),
  );
  const slowest = directlyFollows(log)
    .edges.filter(
      (edge) => main.has(edge.from) && main.has(edge.to) && edge.from !== edge.to && edge.count >= 10,
    )
    .sort((a, b) => b.medianSeconds - a.medianSeconds)
    .slice(0, 2);
  for (const edge of slowest) {
    const id = evidence(`Slow step ${edge.from} → ${edge.to}`, `trailmap analyze dfg ${source} --json`);
    card(
      stageOf.get(edge.to)!,
      'lane:pain-points',
      `Slow: ${edge.from} → ${edge.to} takes ${humanSeconds(edge.medianSeconds)} (median, ${edge.count} times)`,
      id,
    );
  }
}
