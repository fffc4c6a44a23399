import type { CommandCall } from '@trailmap/core';
import type { Card, Journey, LaneKind } from '@trailmap/schema';
import { sortByIndex } from '@trailmap/core';

/** What the editor puts on the clipboard: cards with enough context to land in another map. */
export interface CardClipboard {
  trailmap: 'cards/1';
  cards: {
    text: string;
    laneKind: LaneKind;
    laneLabel: string;
    stageOffset: number;
    color?: Card['color'];
    tags: string[];
    priority?: Card['priority'];
    channel?: Card['channel'];
  }[];
}

/** Serializes the selected cards; stage positions are kept relative to the leftmost card. */
export function copyCards(doc: Journey, cardIds: readonly string[]): CardClipboard {
  const stageOrder = sortByIndex(doc.stages).map((stage) => stage.id);
  const lanes = new Map(doc.lanes.map((lane) => [lane.id, lane]));
  const chosen = sortByIndex(doc.cards.filter((card) => cardIds.includes(card.id)));
  const first = Math.min(...chosen.map((card) => stageOrder.indexOf(card.stageId)));
  return {
    trailmap: 'cards/1',
    cards: chosen.map((card) => {
      const lane = lanes.get(card.laneId);
      return {
        text: card.text,
        laneKind: lane?.kind ?? 'custom',
        laneLabel: lane?.label ?? '',
        stageOffset: stageOrder.indexOf(card.stageId) - first,
        ...(card.color ? { color: card.color } : {}),
        tags: card.tags,
        ...(card.priority ? { priority: card.priority } : {}),
        ...(card.channel ? { channel: card.channel } : {}),
      };
    }),
  };
}

export function parseClipboard(text: string): CardClipboard | undefined {
  try {
    const value = JSON.parse(text) as Partial<CardClipboard>;
    return value.trailmap === 'cards/1' && Array.isArray(value.cards) ? (value as CardClipboard) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `card.add` calls that paste cards at a target cell. Each card goes to a lane of the same kind
 * and label when the map has one (so pasting between maps keeps rows), else to the target lane.
 * Plain text pastes as one card per non-empty line.
 */
export function pasteCalls(
  doc: Journey,
  clipboard: CardClipboard | string,
  target: { laneId: string; stageId: string; stepId?: string },
): CommandCall[] {
  const stages = sortByIndex(doc.stages).map((stage) => stage.id);
  const targetStage = stages.indexOf(target.stageId);
  const place = {
    laneId: target.laneId,
    stageId: target.stageId,
    ...(target.stepId ? { stepId: target.stepId } : {}),
  };
  if (typeof clipboard === 'string') {
    return clipboard
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .slice(0, 200)
      .map((text) => ({ command: 'card.add', input: { ...place, text: text.slice(0, 2000), tags: [] } }));
  }
  const isOneLane = new Set(clipboard.cards.map((card) => `${card.laneKind}|${card.laneLabel}`)).size === 1;
  return clipboard.cards.map(({ laneKind, laneLabel, stageOffset, ...card }) => {
    const lane = isOneLane
      ? undefined
      : (doc.lanes.find((candidate) => candidate.kind === laneKind && candidate.label === laneLabel) ??
        doc.lanes.find((candidate) => candidate.kind === laneKind));
    const stageId = stages[Math.min(stages.length - 1, targetStage + stageOffset)] ?? target.stageId;
    const laneId = lane?.id ?? target.laneId;
    const isTargetCell = laneId === target.laneId && stageId === target.stageId;
    return {
      command: 'card.add',
      input: {
        ...card,
        laneId,
        stageId,
        ...(isTargetCell && target.stepId ? { stepId: target.stepId } : {}),
      },
    };
  });
}
