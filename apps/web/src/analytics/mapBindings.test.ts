import { describe, expect, it } from 'vitest';
import { executeBatch, sequentialIds, type CommandCall } from '@trailmap/core';
import type { Journey } from '@trailmap/schema';
import { sampleJourney } from '../demo/sampleJourney';
import {
  bindingCall,
  bindingFor,
  boundDataset,
  rebindCalls,
  stageFunnelSteps,
  shownStageMeasures,
  stepsOf,
  touchpointCards,
} from './mapBindings';

const context = { newId: sequentialIds('t'), now: () => '2026-12-04T00:00:00Z' };
const run = (doc: Journey, calls: (CommandCall | null)[]) =>
  executeBatch(
    doc,
    calls.filter((call) => call !== null),
    context,
  ).doc;

describe('map bindings', () => {
  const empty = sampleJourney(0, 3); // stages s0, s1, s2

  it('creates, edits and removes a stage binding through core commands', () => {
    const bound = run(empty, [bindingCall(empty, 'stage:s0', 'web', ['visit', 'landing'])]);
    expect(bindingFor(bound, 'stage:s0', 'web')?.rule).toEqual({ activities: ['visit', 'landing'] });
    expect(bindingCall(bound, 'stage:s0', 'web', ['visit', 'landing'])).toBeNull();

    const edited = run(bound, [bindingCall(bound, 'stage:s0', 'web', ['visit'])]);
    expect(edited.metricBindings).toHaveLength(1);
    expect(edited.metricBindings[0]!.rule.activities).toEqual(['visit']);

    const removed = run(edited, [bindingCall(edited, 'stage:s0', 'web', [])]);
    expect(removed.metricBindings[0]!.deletedAt).toBe('2026-12-04T00:00:00Z');
    expect(bindingFor(removed, 'stage:s0', 'web')).toBeUndefined();
    expect(bindingCall(removed, 'stage:s0', 'web', [])).toBeNull();
  });

  it('adds, changes and drops an attribute condition, and binds steps like stages', () => {
    const bound = run(empty, [bindingCall(empty, 'stage:s0', 'web', ['visit'])]);
    const where = { key: 'channel', value: 'mobile' };
    const conditioned = run(bound, [bindingCall(bound, 'stage:s0', 'web', ['visit'], where)]);
    expect(bindingFor(conditioned, 'stage:s0', 'web')?.rule).toEqual({
      activities: ['visit'],
      attribute: where,
    });
    expect(bindingCall(conditioned, 'stage:s0', 'web', ['visit'], { ...where })).toBeNull();
    const other = bindingCall(conditioned, 'stage:s0', 'web', ['visit'], { key: 'channel', value: 'web' });
    expect(other?.input).toMatchObject({ rule: { attribute: { key: 'channel', value: 'web' } } });
    const dropped = run(conditioned, [bindingCall(conditioned, 'stage:s0', 'web', ['visit'])]);
    expect(bindingFor(dropped, 'stage:s0', 'web')?.rule).toEqual({ activities: ['visit'] });
    expect(dropped.metricBindings).toHaveLength(1);

    const withStep = run(empty, [
      { command: 'step.add', input: { id: 'step:a', stageId: 'stage:s1', name: 'A' } },
    ]);
    const stepBound = run(withStep, [bindingCall(withStep, 'step:a', 'web', ['signup'])]);
    expect(stepsOf(stepBound, 'stage:s1').map((step) => step.id)).toEqual(['step:a']);
    expect(bindingFor(stepBound, 'step:a', 'web')?.rule.activities).toEqual(['signup']);
  });

  it('knows the dataset the map is bound to and moves all bindings to another', () => {
    const doc = run(empty, [
      bindingCall(empty, 'stage:s0', 'web', ['visit']),
      {
        command: 'binding.set',
        input: { targetId: 'stage:s1', dataset: 'web', rule: { activities: ['signup'] } },
      },
      {
        command: 'binding.set',
        input: { targetId: 'stage:s2', dataset: 'crm', rule: { activities: ['buy'] } },
      },
    ]);
    expect(boundDataset(empty)).toBeUndefined();
    expect(boundDataset(doc)).toBe('web');
    const moved = run(doc, rebindCalls(doc, 'crm'));
    expect(moved.metricBindings.map((binding) => binding.dataset)).toEqual(['crm', 'crm', 'crm']);
    expect(rebindCalls(moved, 'crm')).toEqual([]);
  });

  it('builds the default funnel from the first activity of each bound stage in order', () => {
    const doc = run(empty, [
      bindingCall(empty, 'stage:s2', 'web', ['buy']),
      bindingCall(empty, 'stage:s0', 'web', ['visit', 'landing']),
      {
        command: 'binding.set',
        input: { targetId: 'stage:s1', dataset: 'other', rule: { activities: ['x'] } },
      },
    ]);
    expect(stageFunnelSteps(doc, 'web')).toEqual(['visit', 'buy']);
  });

  it('lists touchpoint cards in stage order', () => {
    const doc = sampleJourney(30, 3);
    const cards = touchpointCards(doc);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((card) => card.laneId === 'lane:touchpoints')).toBe(true);
    const stages = cards.map((card) => Number(card.stageId.slice('stage:s'.length)));
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
  });

  it('shows no conversion into an unbound next stage', () => {
    const stage = (isBound: boolean, cases: number | null) => ({
      isBound,
      conversionToNext: cases === null ? null : { cases, share: cases / 4 },
      dropOff: cases === null ? 0 : 4 - cases,
    });
    expect(
      shownStageMeasures([stage(true, 3), stage(true, 0), stage(false, 0), stage(true, null)]).map(
        (shown) => [shown.conversionToNext, shown.dropOff],
      ),
    ).toEqual([
      [{ cases: 3, share: 0.75 }, 1],
      [null, 0],
      [{ cases: 0, share: 0 }, 4],
      [null, 0],
    ]);
  });
});
