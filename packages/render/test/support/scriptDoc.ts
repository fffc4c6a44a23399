import { validateJourney, type Journey } from '@trailmap/schema';

/** A one-card map whose card (and first stage) carry `text`: for checking how a script renders. */
export function singleCardDoc(text: string, stageName = text): Journey {
  const result = validateJourney({
    schemaVersion: 2,
    map: { id: 'map:script', title: 'Script check', type: 'current-state' },
    stages: [
      { id: 'stage:a', index: 'a0', name: stageName },
      { id: 'stage:b', index: 'a1', name: 'Next' },
    ],
    lanes: [{ id: 'lane:doing', index: 'a0', kind: 'actions', label: 'Doing' }],
    cards: [{ id: 'card:x', laneId: 'lane:doing', stageId: 'stage:a', index: 'a0', text }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}
