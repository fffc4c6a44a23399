import { createStore } from '../lib/store';
import type { StageMeasure } from './types';

/**
 * The latest stage measures of the open map, for the strip under stage headers; the analytics
 * panel fills it while open and clears it when closed.
 */
export const stageMeasuresStore = createStore<ReadonlyMap<string, StageMeasure> | null>(null);
