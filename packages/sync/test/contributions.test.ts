import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { journeyToYDoc, liveContext, runCommand, yDocToJourney } from '../src/client/index';
import { touchedRecords, versionsByAuthor } from '../src/server/index';
import { seedJourney } from './helpers';

describe('history attribution', () => {
  it('touchedRecords names the records an applied update wrote or deleted', () => {
    const ydoc = journeyToYDoc(seedJourney(), new Y.Doc());
    const updates: Uint8Array[] = [];
    ydoc.on('update', (update: Uint8Array) => updates.push(update));
    const context = liveContext({ id: 'user:olga', name: 'Olga' });
    runCommand(ydoc, { command: 'stage.update', input: { id: 'stage:a', name: 'Explore' } }, context);
    ydoc.getMap('opportunities').delete('opp:two');
    ydoc.getMap('map').set('title', 'New');
    expect(updates.map((update) => [...touchedRecords(ydoc, update)])).toEqual([
      ['stages/stage:a'],
      ['opportunities/opp:two'],
      ['map'],
    ]);
  });

  it('versionsByAuthor gives each author a version with their records; the last is the final document', () => {
    const base = seedJourney();
    const ydoc = journeyToYDoc(base, new Y.Doc());
    const context = liveContext({ id: 'user:olga', name: 'Olga' });
    const lane = runCommand(
      ydoc,
      { command: 'lane.add', input: { kind: 'actions', label: 'New lane' } },
      context,
    );
    const laneId = (lane.ops[0] as { record: { id: string } }).record.id;
    const card = runCommand(
      ydoc,
      { command: 'card.add', input: { laneId, stageId: 'stage:a', text: 'In the new lane' } },
      context,
    );
    const cardId = (card.ops[0] as { record: { id: string } }).record.id;
    runCommand(ydoc, { command: 'stage.update', input: { id: 'stage:a', name: 'Explore' } }, context);
    const final = yDocToJourney(ydoc);
    // Eddie's card sits in Olga's new lane, but Eddie started editing first.
    const versions = versionsByAuthor(base, final, [
      { author: 'eddie', records: [`cards/${cardId}`] },
      { author: 'olga', records: [`lanes/${laneId}`, 'stages/stage:a'] },
    ]);
    expect(versions.map((version) => version.author)).toEqual(['olga', 'eddie']);
    expect(versions[0]!.doc.cards).toEqual([]);
    expect(versions[1]!.doc).toEqual(final);

    const split = versionsByAuthor(base, final, [
      { author: 'olga', records: [`lanes/${laneId}`] },
      { author: 'eddie', records: [`cards/${cardId}`, 'stages/stage:a'] },
    ]);
    expect(split.map((version) => version.author)).toEqual(['olga', 'eddie']);
    expect(split[0]!.doc.lanes.map((record) => record.id)).toContain(laneId);
    expect(split[0]!.doc.cards).toEqual([]);
    expect(split[0]!.doc.stages[0]!.name).toBe('Discover');
    expect(split[1]!.doc).toEqual(final);
  });
});
