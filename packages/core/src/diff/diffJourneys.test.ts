import { describe, expect, it } from 'vitest';
import type { Journey } from '@trailmap/schema';
import { fixedContext } from '../commands/context';
import { keyBetween } from '../ordering';
import { createTemplatePair, templateExample } from '../templates/index';
import { diffJourneys } from './diffJourneys';
import { formatDiff } from './formatDiff';
import { summarizeDiff } from './summarizeDiff';

const base = () => templateExample('ecommerce');
const edit = (change: (doc: Journey) => void) => {
  const doc = structuredClone(base());
  change(doc);
  return doc;
};
const lines = (a: Journey, b: Journey) => formatDiff(diffJourneys(a, b)).trimEnd().split('\n').slice(2);
const card = (doc: Journey, id: string) => doc.cards.find((c) => c.id === id)!;
const stage = (doc: Journey, id: string) => doc.stages.find((s) => s.id === id)!;

describe('diffJourneys', () => {
  it('finds nothing between equal documents, whatever the array order', () => {
    const shuffled = edit((doc) => {
      doc.cards.reverse();
      doc.stages.reverse();
      doc.evidence.reverse();
    });
    const diff = diffJourneys(base(), shuffled);
    expect(diff.map).toEqual([]);
    expect(diff.changes).toEqual([]);
    expect(diff.emotions).toEqual([]);
    expect(summarizeDiff(diff)).toMatchObject({ isEmpty: true, total: 0 });
    expect(lines(base(), shuffled)).toEqual(['no differences']);
  });

  it('reports map field changes', () => {
    const after = edit((doc) => {
      doc.map.title = 'Shoes online';
      doc.map.tags = ['web-shop'];
      delete doc.map.scenario;
    });
    expect(diffJourneys(base(), after).map).toEqual([
      { field: 'title', before: 'Buying running shoes online', after: 'Shoes online' },
      { field: 'scenario', before: base().map.scenario },
      { field: 'tags', before: ['web-shop', 'first-purchase', 'mobile'], after: ['web-shop'] },
    ]);
    expect(lines(base(), after)[0]).toBe('~ map title: "Buying running shoes online" → "Shoes online"');
  });

  it('reports a renamed stage with its old and new name', () => {
    const after = edit((doc) => {
      stage(doc, 'stage:discover').name = 'Find';
    });
    const diff = diffJourneys(base(), after);
    expect(diff.changes).toEqual([
      {
        collection: 'stages',
        change: 'edited',
        id: 'stage:discover',
        label: 'Find',
        labelBefore: 'Discover',
        fields: [{ field: 'name', before: 'Discover', after: 'Find' }],
      },
    ]);
    expect(lines(base(), after)).toEqual(['~ stage "Discover" renamed to "Find"']);
  });

  it('reports added and removed cards with their cell', () => {
    const after = edit((doc) => {
      doc.cards = doc.cards.filter((c) => c.id !== 'card:pain-account');
      doc.opportunities.forEach(
        (o) => (o.problemCardIds = o.problemCardIds.filter((id) => id !== 'card:pain-account')),
      );
      doc.cards.push({
        id: 'card:new',
        laneId: 'lane:actions',
        stageId: 'stage:checkout',
        index: 'a5',
        text: 'Pays with a wallet app',
        tags: [],
        evidenceIds: [],
      });
    });
    const out = lines(base(), after);
    expect(out).toContain(
      '- card "Guest checkout link is hidden below the sign-in form" from Pain points × Checkout',
    );
    expect(out).toContain('+ card "Pays with a wallet app" in Doing × Checkout');
    expect(out).toContain(
      '~ opportunity "Make guest checkout the default path": problemCardIds - "card:pain-account"',
    );
    const summary = summarizeDiff(diffJourneys(base(), after));
    expect(summary.byCollection.cards).toEqual({ removed: 1, added: 1, moved: 0, edited: 0 });
    expect(summary.byCollection.opportunities).toEqual({ removed: 0, added: 0, moved: 0, edited: 1 });
  });

  it('reports a card moved to another cell and edited as a move plus an edit', () => {
    const after = edit((doc) => {
      const moved = card(doc, 'card:pain-sizing');
      moved.stageId = 'stage:checkout';
      moved.text = 'Size guide unclear';
      moved.priority = 'critical';
    });
    const diff = diffJourneys(base(), after);
    const changes = diff.changes.filter((c) => c.id === 'card:pain-sizing');
    expect(changes.map((c) => c.change)).toEqual(['moved', 'edited']);
    expect(changes[0]).toMatchObject({
      from: { stageId: 'stage:compare', stage: 'Compare', laneId: 'lane:pains', lane: 'Pain points' },
      to: { stageId: 'stage:checkout', stage: 'Checkout', laneId: 'lane:pains', lane: 'Pain points' },
    });
    expect(changes[1]!.fields!.map((f) => f.field)).toEqual(['text', 'priority']);
    expect(lines(base(), after)).toEqual([
      '> card "Size guide unclear" moved from Pain points × Compare to Pain points × Checkout',
      '~ card "Size guide uses brand sizes only, no foot length in cm" renamed to "Size guide unclear"',
      '~ card "Size guide unclear": priority "high" → "critical"',
    ]);
  });

  it('reports only the stage that was dragged, not every stage it passed', () => {
    const after = edit((doc) => {
      const first = [...doc.stages].sort((a, b) => (a.index < b.index ? -1 : 1))[0]!;
      stage(doc, 'stage:review').index = keyBetween(null, first.index);
    });
    const diff = diffJourneys(base(), after);
    expect(diff.changes).toEqual([
      {
        collection: 'stages',
        change: 'moved',
        id: 'stage:review',
        label: 'Review & reorder',
        from: {},
        to: {},
        reordered: true,
      },
    ]);
    expect(lines(base(), after)).toEqual(['> stage "Review & reorder" reordered']);
  });

  it('reports cards reordered within a cell', () => {
    const after = edit((doc) => {
      card(doc, 'card:actions-compare-3').index = keyBetween(null, card(doc, 'card:actions-compare-1').index);
    });
    expect(lines(base(), after)).toEqual([
      '> card "Opens the size guide and measures her foot" reordered in Doing × Compare',
    ]);
  });

  it('compares emotion scores per stage', () => {
    const after = edit((doc) => {
      const checkout = doc.emotions.find((p) => p.stageId === 'stage:checkout')!;
      checkout.score = 1;
      checkout.emoji = '🙂';
      doc.emotions = doc.emotions.filter((p) => p.stageId !== 'stage:discover');
    });
    const diff = diffJourneys(base(), after);
    expect(diff.emotions).toEqual([
      { stageId: 'stage:discover', stage: 'Discover', before: 1, emojiBefore: '🙂' },
      {
        stageId: 'stage:checkout',
        stage: 'Checkout',
        before: -2,
        after: 1,
        emojiBefore: '😠',
        emojiAfter: '🙂',
      },
    ]);
    expect(lines(base(), after)).toEqual([
      'emotion Discover: +1 🙂 → (none)',
      'emotion Checkout: -2 😠 → +1 🙂',
    ]);
  });

  it('covers personas, opportunities, evidence and connections', () => {
    const after = edit((doc) => {
      doc.personas[0]!.goals.push('Run a half marathon');
      const opportunity = doc.opportunities.find((o) => o.id === 'opp:opp-fit-finder')!;
      opportunity.status = 'in-progress';
      opportunity.votes = 12;
      doc.evidence = doc.evidence.filter((e) => e.id !== 'evidence:ev-tickets');
      card(doc, 'card:pain-delivery-window').evidenceIds = [];
      doc.connections.push({
        id: 'conn:new',
        fromCardId: 'card:tp-search',
        toCardId: 'card:tp-checkout',
        kind: 'direct',
      });
    });
    const out = lines(base(), after);
    expect(out).toEqual([
      '~ persona "Maya Okafor": goals + "Run a half marathon"',
      '~ card "No delivery time window, parcel goes to a pickup point afte…": evidenceIds - "evidence:ev-tickets"',
      '+ connection "Search results page → Mobile checkout"',
      '~ opportunity "Fit finder based on foot length and a shoe she already owns": status "planned" → "in-progress"',
      '~ opportunity "Fit finder based on foot length and a shoe she already owns": votes 7 → 12',
      '- evidence "Carrier complaint tickets"',
    ]);
  });

  it('is plain JSON and deterministic', () => {
    const { current, future } = createTemplatePair({ ctx: fixedContext() });
    const diff = diffJourneys(current, future);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
    const again = createTemplatePair({ ctx: fixedContext() });
    expect(diffJourneys(again.current, again.future)).toEqual(diff);
  });

  it('compares a current state with its future state', () => {
    const { current, future } = createTemplatePair({ ctx: fixedContext() });
    const diff = diffJourneys(current, future);
    const out = formatDiff(diff);
    expect(out).toContain('- stage "Wait & chase"');
    expect(out).toContain('~ stage "Report damage" renamed to "Report in the app"');
    expect(out).toContain('emotion Repair & payment: -1 😓 → +2 😊');
    expect(out).toContain('emotion Wait & chase: -2 😡 → (none)');
    expect(out).not.toContain('Emails photos and the plumber invoice');
    const summary = summarizeDiff(diff);
    expect(summary.byCollection.stages).toEqual({ removed: 1, added: 0, moved: 0, edited: 5 });
    expect(summary.emotions).toBe(6);
    expect(summary.total).toBe(summary.mapFields + summary.emotions + diff.changes.length);
  });

  it('colours lines for terminals only when asked', () => {
    const after = edit((doc) => {
      doc.map.title = 'X';
    });
    const diff = diffJourneys(base(), after);
    expect(formatDiff(diff)).not.toContain('\u001b[');
    expect(formatDiff(diff, { color: true })).toContain('\u001b[33m~ map title');
  });
});
