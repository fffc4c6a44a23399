/** Shapes of the datasets API (`/api/v1/workspaces/:id/datasets`), as the web app reads them. */

export interface DatasetInfo {
  name: string;
  events: number;
  cases: number;
  activities: number;
  attributes: string[];
  source: string | null;
  /** Changes on every (re-)upload: the version of the dataset's numbers. */
  createdAt: string;
}

export interface UploadResult {
  name: string;
  events: number;
  cases: number;
  skipped: number;
  seconds: number;
}

/** The engine's filter params (see `FilterSchema` in @trailmap/analytics). */
export type Filter =
  | { kind: 'attribute'; key: string; value: string; scope?: 'case' | 'event' }
  | { kind: 'segment'; value: string }
  | { kind: 'contains'; activity: string }
  | { kind: 'notContains'; activity: string }
  | { kind: 'timeRange'; from?: string; to?: string };

export interface Scores {
  responses: number;
  csat: { responses: number; score: number; mean: number } | null;
  nps: { responses: number; score: number; mean: number } | null;
  ces: { responses: number; mean: number } | null;
  sentiment: { responses: number; meanScore: number } | null;
}

export interface StageMeasure {
  stageId: string;
  name: string;
  isBound: boolean;
  casesReached: number;
  reach: number;
  conversionToNext: { cases: number; share: number } | null;
  dropOff: number;
  medianSecondsInStage: number | null;
  scores: Scores | null;
  emotion: { assumed: number | null; measured: number | null };
}

export interface Conformance {
  cases: number;
  mappedCases: number;
  unmappedCases: number;
  followingDesign: { cases: number; share: number };
  skipped: { stageId: string; name: string; cases: number }[];
  backtracks: { cases: number; transitions: { from: string; to: string; count: number }[] };
  unexpectedPaths: { stages: string[]; cases: number; share: number }[];
}

export interface TouchpointMeasure {
  cardId: string;
  cases: number;
  scores: Scores | null;
}

export interface MeasureResponse {
  dataset: { name: string; events: number; cases: number; createdAt: string };
  measures: { cases: number; stages: StageMeasure[] };
  conformance: Conformance;
  touchpoints: TouchpointMeasure[];
}

export interface DfgEdge {
  from: string;
  to: string;
  count: number;
  meanSeconds: number;
  medianSeconds: number;
  p90Seconds: number;
}

export interface Dfg {
  cases: number;
  events: number;
  activities: Record<string, number>;
  start: Record<string, number>;
  end: Record<string, number>;
  edges: DfgEdge[];
}

export interface Variant {
  activities: string[];
  cases: number;
  share: number;
}

export interface VariantsResult {
  variantCount: number;
  variants: Variant[];
}

export interface FunnelStep {
  activity: string;
  cases: number;
  conversionFromStart: number;
  conversionFromPrevious: number;
  medianSecondsFromPrevious: number | null;
  dropOff: number;
}

export interface FunnelResult {
  steps: FunnelStep[];
}

export interface LogSummary {
  cases: number;
  events: number;
  activities: number;
  variants: number;
  attributes: string[];
}

export interface QueryResults {
  summary: LogSummary;
  dfg: Dfg;
  variants: VariantsResult;
  funnel: FunnelResult;
}
