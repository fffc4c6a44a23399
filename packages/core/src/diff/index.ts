export { diffJourneys } from './diffJourneys';
export { formatDiff, describeLocation } from './formatDiff';
export { summarizeDiff, type DiffSummary } from './summarizeDiff';
export {
  CHANGE_KINDS,
  DIFF_COLLECTIONS,
  type ChangeKind,
  type DiffCollection,
  type EmotionChange,
  type FieldChange,
  type JourneyDiff,
  type DiffLocation,
  type RecordChange,
} from './types';
