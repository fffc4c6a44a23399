export type { EventLog, AttributeColumn } from './model/EventLog';
export { caseCount, eventCount, formatMicros, selectEvents } from './model/EventLog';
export { EventLogBuilder } from './model/EventLogBuilder';
export type { Engine, DatasetInfo } from './Engine';
export { checkDatasetName } from './Engine';
export { DuckDbEngine } from './engines/duckdb';
export { importLog, type ImportReport } from './importLog';
export { readLog, type ReadLogOptions, type ReadLogResult } from './import/readLog';
export { detectFormat, type LogFormat, type ProgressListener } from './import/openInput';
export type { ColumnMapping } from './import/columns';
export type { OnError } from './import/logError';
export { parseTimestamp } from './import/timestamp';
export { summary, type LogSummary } from './queries/summary';
export { directlyFollows, type DirectlyFollowsGraph, type DfgEdge } from './queries/directlyFollows';
export {
  variants,
  groupVariants,
  compareSequences,
  type Variant,
  type VariantsResult,
} from './queries/variants';
export { caseDurations, type CaseDurations } from './queries/caseDurations';
export {
  funnel,
  parseSteps,
  FunnelParamsSchema,
  type FunnelParams,
  type FunnelResult,
  type FunnelStep,
} from './queries/funnel';
export { rework, type ReworkRow } from './queries/rework';
export { applyFilters, parseFilter, FilterSchema, type Filter } from './queries/filters';
export {
  compareSegments,
  compareQuery,
  type SegmentSide,
  type ComparedSide,
} from './queries/compareSegments';
export { QUERIES, runQuery, type QueryName, type QueryResult } from './queries/registry';
export { readSurvey, type SurveyResponse } from './journey/survey';
export {
  scoreResponses,
  scoreTouchpoints,
  sentimentOf,
  emotionFromScores,
  type Scores,
  type TouchpointScores,
  type Verbatim,
} from './journey/scores';
export { boundStages, stageOfEvents, type BoundStage } from './journey/stageRules';
export { measureJourney, type JourneyMeasures, type StageMeasure } from './journey/measureJourney';
export { conformance, type ConformanceResult } from './journey/conformance';
export { draftJourney, type DraftOptions } from './journey/draftJourney';
