import fc from 'fast-check';
import type * as Y from 'yjs';
import { indexFor, type CommandContext, type Op } from '@trailmap/core';
import { ID_PREFIXES, type Journey } from '@trailmap/schema';
import { applyOpsToYDoc } from '../src/doc/applyOps';
import { yDocToJourney } from '../src/doc/fromYDoc';

/** One random user action, resolved against the peer's current view when it runs. */
export type Edit =
  | { kind: 'addStage'; name: string }
  | { kind: 'addLane'; label: string }
  | { kind: 'addCard'; pick: number; text: string }
  | { kind: 'editCard'; pick: number; text: string }
  | { kind: 'moveCard'; pick: number; target: number }
  | { kind: 'removeCard'; pick: number }
  | { kind: 'removeLane'; pick: number }
  | { kind: 'removeStage'; pick: number }
  | { kind: 'connect'; pick: number; target: number };

export const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('addStage' as const), name: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('addLane' as const), label: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('addCard' as const), pick: fc.nat(), text: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('addCard' as const), pick: fc.nat(), text: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('editCard' as const), pick: fc.nat(), text: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('moveCard' as const), pick: fc.nat(), target: fc.nat() }),
  fc.record({ kind: fc.constant('removeCard' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('removeLane' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('removeStage' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('connect' as const), pick: fc.nat(), target: fc.nat() }),
);

/** A context whose ids are unique per peer without randomness (reproducible failures). */
export function peerContext(peer: string): CommandContext {
  let counter = 0;
  return {
    newId: (kind) => `${ID_PREFIXES[kind]}:${peer}-${++counter}`,
    now: () => '2026-11-23T12:00:00.000Z',
    actor: { id: `user:${peer}` },
  };
}

const pickFrom = <T>(items: readonly T[], pick: number): T | undefined =>
  items.length === 0 ? undefined : items[pick % items.length];

/** The command call or raw ops an edit amounts to on `doc`; undefined when it does not apply. */
export function resolveEdit(
  doc: Journey,
  edit: Edit,
  ctx: CommandContext,
): { command: string; input: unknown } | Op[] | undefined {
  switch (edit.kind) {
    case 'addStage':
      return { command: 'stage.add', input: { name: edit.name } };
    case 'addLane':
      return [
        {
          op: 'put',
          collection: 'lanes',
          record: { id: ctx.newId('lane'), index: indexFor(doc.lanes), kind: 'actions', label: edit.label },
        },
      ];
    case 'addCard': {
      const lane = pickFrom(doc.lanes, edit.pick);
      const stage = pickFrom(doc.stages, edit.pick >> 3);
      if (!lane || !stage) return undefined;
      return { command: 'card.add', input: { laneId: lane.id, stageId: stage.id, text: edit.text } };
    }
    case 'editCard': {
      const card = pickFrom(doc.cards, edit.pick);
      return card && [{ op: 'patch', collection: 'cards', id: card.id, changes: { text: edit.text } }];
    }
    case 'moveCard': {
      const card = pickFrom(doc.cards, edit.pick);
      const stage = pickFrom(doc.stages, edit.target);
      if (!card || !stage) return undefined;
      const siblings = doc.cards.filter(
        (other) => other.stageId === stage.id && other.laneId === card.laneId,
      );
      const changes = {
        stageId: stage.id,
        stepId: undefined,
        index: indexFor(siblings, { position: 'start' }),
      };
      return [{ op: 'patch', collection: 'cards', id: card.id, changes }];
    }
    case 'removeCard': {
      const card = pickFrom(doc.cards, edit.pick);
      return card && [{ op: 'remove', collection: 'cards', id: card.id }];
    }
    case 'removeLane': {
      const lane = pickFrom(doc.lanes, edit.pick);
      if (!lane) return undefined;
      return [
        { op: 'remove', collection: 'lanes', id: lane.id },
        ...doc.cards
          .filter((card) => card.laneId === lane.id)
          .map((card): Op => ({ op: 'remove', collection: 'cards', id: card.id })),
      ];
    }
    case 'removeStage': {
      const stage = pickFrom(doc.stages, edit.pick);
      return stage && [{ op: 'remove', collection: 'stages', id: stage.id }];
    }
    case 'connect': {
      const from = pickFrom(doc.cards, edit.pick);
      const to = pickFrom(doc.cards, edit.target);
      if (!from || !to || from.id === to.id) return undefined;
      const record = { id: ctx.newId('connection'), fromCardId: from.id, toCardId: to.id, kind: 'direct' };
      return [{ op: 'put', collection: 'connections', record } as Op];
    }
  }
}

/** Applies an edit straight to a Y.Doc (commands through core, raw ops through applyOpsToYDoc). */
export function applyEdit(
  ydoc: Y.Doc,
  edit: Edit,
  ctx: CommandContext,
  run: (call: { command: string; input: unknown }) => void,
): void {
  const resolved = resolveEdit(yDocToJourney(ydoc), edit, ctx);
  if (resolved === undefined) return;
  if (Array.isArray(resolved)) applyOpsToYDoc(ydoc, resolved, 'test');
  else run(resolved);
}
