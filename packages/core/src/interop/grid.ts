import type { Card, Journey } from '@trailmap/schema';
import { sortByIndex } from '../ordering';
import { emotionAt, stepsOf } from '../selectors';

/**
 * Cards of one lane × stage in reading order: cards on the stage itself first, then the cards of
 * each step in step order. Formats without steps (Mermaid, CSV) flatten a stage this way.
 */
export function cardsOfStage(doc: Journey, laneId: string, stageId: string): Card[] {
  const inStage = doc.cards.filter((card) => card.laneId === laneId && card.stageId === stageId);
  const stepRank = new Map(stepsOf(doc, stageId).map((step, rank) => [step.id, rank]));
  const rank = (card: Card) => (card.stepId === undefined ? -1 : (stepRank.get(card.stepId) ?? -1));
  return sortByIndex(inStage).sort((a, b) => rank(a) - rank(b));
}

/** Rounds to two decimals so averaged scores stay readable and stable. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The emotion score of a stage: its own point, or else the mean of its steps' points (rounded to
 * two decimals); undefined when nothing in the stage is scored.
 */
export function stageScore(doc: Journey, stageId: string): number | undefined {
  const own = emotionAt(doc, stageId);
  if (own) return own.score;
  const steps = doc.emotions.filter((point) => point.stageId === stageId && point.stepId !== undefined);
  if (steps.length === 0) return undefined;
  return round2(steps.reduce((sum, point) => sum + point.score, 0) / steps.length);
}

/** The score shown for a card: its step's point when the step is scored, else the stage's. */
export function cardScore(doc: Journey, card: Card): number | undefined {
  if (card.stepId !== undefined) {
    const step = emotionAt(doc, card.stageId, card.stepId);
    if (step) return step.score;
  }
  return stageScore(doc, card.stageId);
}

/** Title for an imported map: explicit title, else the file name without folders and extensions. */
export function importTitle(fallback: string, options: { title?: string; filename?: string }): string {
  if (options.title?.trim()) return options.title.trim().slice(0, 200);
  const base = options.filename
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/\.[^.]*$/, '')
    .replace(/\.journey$/, '')
    .trim();
  return (base || fallback).slice(0, 200);
}
