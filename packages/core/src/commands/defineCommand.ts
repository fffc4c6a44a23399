import type { z } from 'zod';
import type { Journey, RecordKind } from '@trailmap/schema';
import type { Op } from '../ops';

/**
 * How a command enters a user's undo history (mirrors excalidraw's CaptureUpdateAction):
 * `record` = one undo step; `merge` = merged with the previous step of the same gesture
 * (drags, typing); `skip` = never undoable (imports, migrations, server fixes).
 */
export type HistoryMode = 'record' | 'merge' | 'skip';

/** What a command may know of the world: the clock and the id generator come from outside. */
export interface CommandContext {
  newId: (kind: RecordKind) => string;
  /** ISO 8601 timestamp of "now". */
  now: () => string;
  actor?: { id: string; name?: string };
}

export interface CommandDefinition<I extends z.ZodType = z.ZodType> {
  /** `noun.verb`, e.g. `card.move`; also the HTTP path segment and the CLI name. */
  id: string;
  summary: string;
  input: I;
  history: HistoryMode;
  /** Pure: reads the document, returns ops, or throws a TrailmapError. */
  run: (doc: Journey, input: z.output<I>, ctx: CommandContext) => Op[];
}

/** Declares a command; the registry lists every command so each surface exposes the same set. */
export const defineCommand = <I extends z.ZodType>(definition: CommandDefinition<I>): CommandDefinition<I> =>
  definition;
