export { journeyToYDoc } from './toYDoc';
export { yDocToJourney, readRawJourney, canonicalOrder } from './fromYDoc';
export { repairJourney } from './repair';
export { applyOpsToYDoc } from './applyOps';
export { runCommand } from './runCommand';
export { CONTENT_KEYS, MAP_KEY, META_KEY, collectionOf, mapRecordOf, contentTypesOf } from './layout';
export { diffToOps } from './diffOps';
