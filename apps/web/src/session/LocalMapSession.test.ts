import { describe, expect, it } from 'vitest';
import { sampleJourney } from '../demo/sampleJourney';
import { LocalMapSession } from './LocalMapSession';

describe('local map session', () => {
  it('edits through core commands and undoes typing as one step', () => {
    const session = new LocalMapSession('map:t', sampleJourney(4));
    let notified = 0;
    session.subscribe(() => notified++);
    session.runCommand('card.update', { id: 'card:c0', text: 'H' }, 'ui');
    session.runCommand('card.update', { id: 'card:c0', text: 'Hi' }, 'ui');
    session.stopCapturing();
    expect(session.getDoc().cards.find((card) => card.id === 'card:c0')!.text).toBe('Hi');
    session.undo();
    expect(session.getDoc().cards.find((card) => card.id === 'card:c0')!.text).toBe(
      sampleJourney(4).cards[0]!.text,
    );
    expect(notified).toBe(3);
    expect(session.getStatus().canRedo).toBe(true);
  });

  it('rejects invalid input with the command error and leaves the document alone', () => {
    const session = new LocalMapSession('map:t', sampleJourney(4));
    const before = session.getDoc();
    expect(() => session.runCommand('card.move', { id: 'card:nope', laneId: 'lane:actions' }, 'ui')).toThrow(
      expect.objectContaining({ code: 'CARD_NOT_FOUND' }),
    );
    expect(session.getDoc()).toBe(before);
  });

  it('ignores edits when read-only', () => {
    const session = new LocalMapSession('map:t', sampleJourney(4), { canEdit: false });
    session.runCommand('stage.add', { name: 'New' }, 'ui');
    expect(session.getDoc().stages).toHaveLength(6);
    expect(session.getStatus().canEdit).toBe(false);
  });
});
