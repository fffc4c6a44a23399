/**
 * Shapes of the datasets API (`/api/v1/workspaces/:id/datasets`), as the web app reads them. The
 * server sends the engine's results as they are, so their types come from the engine (type-only:
 * nothing of it reaches the bundle); what the server adds around them is declared here.
 */
import type {
  ConformanceResult as Conformance,
  DirectlyFollowsGraph as Dfg,
  FunnelResult,
  JourneyMeasures,
  LogSummary,
  Scores,
  VariantsResult,
} from '@trailmap/analytics';

export type {
  ConformanceResult as Conformance,
  DatasetInfo,
  DfgEdge,
  DirectlyFollowsGraph as Dfg,
  Filter,
  FunnelResult,
  LogSummary,
  Scores,
  StageMeasure,
  Variant,
  VariantsResult,
} from '@trailmap/analytics';

export interface UploadResult {
  name: string;
  events: number;
  cases: number;
  skipped: number;
  seconds: number;
}

export interface TouchpointMeasure {
  cardId: string;
  cases: number;
  scores: Scores | null;
}

export interface MeasureResponse {
  dataset: { name: string; events: number; cases: number; createdAt: string };
  measures: JourneyMeasures;
  conformance: Conformance;
  touchpoints: TouchpointMeasure[];
}

export interface QueryResults {
  summary: LogSummary;
  dfg: Dfg;
  variants: VariantsResult;
  funnel: FunnelResult;
}
