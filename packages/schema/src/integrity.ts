import type { Journey } from './Journey';
import { COLLECTIONS } from './Journey';
import type { Issue } from './errors';

export interface IntegrityOptions {
  /** Ids of maps that exist beside this one (same workspace, same folder); enables link checks. */
  knownMapIds?: ReadonlySet<string>;
}

const pointer = (...parts: (string | number)[]) =>
  parts.length === 0
    ? ''
    : '/' + parts.map((part) => String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Checks what a shape validator cannot: that every reference points at a record that exists,
 * that ids are unique across the document, and that blueprint lines are not drawn twice.
 */
export function checkIntegrity(doc: Journey, options: IntegrityOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const add = (at: string, code: string, message: string) => issues.push({ pointer: at, code, message });

  // Where each id was first seen, as [collection, position]; pointers are built only for problems.
  const firstSeen = new Map<string, [string, number]>([[doc.map.id, ['map', -1]]]);
  const idPointer = ([collection, position]: [string, number]) =>
    position === -1 ? pointer(collection, 'id') : pointer(collection, position, 'id');
  for (const collection of COLLECTIONS) {
    doc[collection].forEach((record, position) => {
      const earlier = firstSeen.get(record.id);
      if (earlier) {
        const at = pointer(collection, position, 'id');
        add(at, 'DUPLICATE_ID', `duplicate id "${record.id}" (first used at ${idPointer(earlier)})`);
      } else firstSeen.set(record.id, [collection, position]);
    });
  }

  const ids = (collection: (typeof COLLECTIONS)[number]) =>
    new Set(doc[collection].map((record) => record.id));
  const personas = ids('personas');
  const stages = ids('stages');
  const lanes = ids('lanes');
  const cards = ids('cards');
  const evidence = ids('evidence');
  const stepStage = new Map(doc.steps.map((step) => [step.id, step.stageId]));

  const dangling = (at: string, what: string, id: string) =>
    add(at, 'DANGLING_REFERENCE', `${what} "${id}" does not exist in this map`);
  const checkStep = (at: string, stageId: string, stepId: string | undefined) => {
    if (stepId === undefined) return;
    const owner = stepStage.get(stepId);
    if (owner === undefined) dangling(at, 'step', stepId);
    else if (owner !== stageId)
      add(at, 'STEP_OUTSIDE_STAGE', `step "${stepId}" belongs to stage "${owner}", not "${stageId}"`);
  };
  const checkEvidence = (collection: string, position: number, evidenceIds: string[]) =>
    evidenceIds.length > 0 &&
    evidenceIds.forEach((id, i) => {
      if (!evidence.has(id)) dangling(pointer(collection, position, 'evidenceIds', i), 'evidence', id);
    });

  if (doc.map.personaId !== undefined && !personas.has(doc.map.personaId)) {
    dangling(pointer('map', 'personaId'), 'persona', doc.map.personaId);
  }
  if (doc.map.compare) {
    const { mapId } = doc.map.compare;
    if (mapId === doc.map.id)
      add(pointer('map', 'compare', 'mapId'), 'SELF_REFERENCE', 'a map cannot be compared with itself');
    else if (options.knownMapIds && !options.knownMapIds.has(mapId)) {
      add(pointer('map', 'compare', 'mapId'), 'MISSING_LINKED_MAP', `linked map "${mapId}" was not found`);
    }
  }

  doc.steps.forEach((step, i) => {
    if (!stages.has(step.stageId)) dangling(pointer('steps', i, 'stageId'), 'stage', step.stageId);
  });

  const seenLines = new Map<string, number>();
  doc.lanes.forEach((lane, i) => {
    if (lane.lineAbove === undefined) return;
    const earlier = seenLines.get(lane.lineAbove);
    if (earlier !== undefined) {
      add(
        pointer('lanes', i, 'lineAbove'),
        'DUPLICATE_LINE',
        `the line of ${lane.lineAbove} is already drawn above lane ${earlier}`,
      );
    } else seenLines.set(lane.lineAbove, i);
  });

  doc.cards.forEach((card, i) => {
    if (!lanes.has(card.laneId)) dangling(pointer('cards', i, 'laneId'), 'lane', card.laneId);
    if (!stages.has(card.stageId)) dangling(pointer('cards', i, 'stageId'), 'stage', card.stageId);
    else if (card.stepId !== undefined) checkStep(pointer('cards', i, 'stepId'), card.stageId, card.stepId);
    checkEvidence('cards', i, card.evidenceIds);
  });

  const emotionCells = new Map<string, number>();
  doc.emotions.forEach((point, i) => {
    if (!stages.has(point.stageId)) dangling(pointer('emotions', i, 'stageId'), 'stage', point.stageId);
    else if (point.stepId !== undefined)
      checkStep(pointer('emotions', i, 'stepId'), point.stageId, point.stepId);
    const cell = `${point.stageId}|${point.stepId ?? ''}`;
    const earlier = emotionCells.get(cell);
    if (earlier !== undefined) {
      add(
        pointer('emotions', i),
        'DUPLICATE_EMOTION',
        `emotion point ${earlier} already scores this ${point.stepId ? 'step' : 'stage'}`,
      );
    } else emotionCells.set(cell, i);
    checkEvidence('emotions', i, point.evidenceIds);
  });

  doc.connections.forEach((connection, i) => {
    if (!cards.has(connection.fromCardId))
      dangling(pointer('connections', i, 'fromCardId'), 'card', connection.fromCardId);
    if (!cards.has(connection.toCardId))
      dangling(pointer('connections', i, 'toCardId'), 'card', connection.toCardId);
    if (connection.fromCardId === connection.toCardId) {
      add(
        pointer('connections', i, 'toCardId'),
        'SELF_REFERENCE',
        'a connection must join two different cards',
      );
    }
  });

  doc.opportunities.forEach((opportunity, i) => {
    if (!stages.has(opportunity.stageId))
      dangling(pointer('opportunities', i, 'stageId'), 'stage', opportunity.stageId);
    opportunity.problemCardIds.forEach((id, j) => {
      if (!cards.has(id)) dangling(pointer('opportunities', i, 'problemCardIds', j), 'card', id);
    });
    checkEvidence('opportunities', i, opportunity.evidenceIds);
  });

  const bindable = new Set([...stages, ...stepStage.keys(), ...cards]);
  doc.metricBindings.forEach((binding, i) => {
    if (!bindable.has(binding.targetId))
      dangling(pointer('metricBindings', i, 'targetId'), 'target', binding.targetId);
  });

  return issues;
}

export { pointer as toJsonPointer };
