import type { Journey } from '@trailmap/schema';
import { patch, type Op } from '../../ops';

/**
 * A blueprint line is drawn once per map: giving it to one lane takes it from any other lane
 * (dragging the line of visibility moves it instead of failing).
 */
export const takeLineFromOthers = (doc: Journey, laneId: string, line: string | null | undefined): Op[] =>
  line == null
    ? []
    : doc.lanes
        .filter((lane) => lane.id !== laneId && lane.lineAbove === line)
        .map((lane) => patch('lanes', lane.id, { lineAbove: undefined }));
