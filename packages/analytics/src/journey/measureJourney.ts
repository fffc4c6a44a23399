import type { Journey } from '@trailmap/schema';
import { caseCount, type EventLog } from '../model/EventLog';
import { quantileSorted } from '../queries/quantiles';
import { emotionFromScores, scoreResponses, type Scores } from './scores';
import { boundStages, stageOfEvents, type BoundStage } from './stageRules';
import type { SurveyResponse } from './survey';

export interface StageMeasure {
  stageId: string;
  name: string;
  /** Whether any event rule is bound to the stage. */
  isBound: boolean;
  casesReached: number;
  /** Share of all cases. */
  reach: number;
  /** Cases that reached the next stage after entering this one, and their share; null for the last stage. */
  conversionToNext: { cases: number; share: number } | null;
  dropOff: number;
  /** Median seconds from entering the stage until the first later event of another stage (or its own last event). */
  medianSecondsInStage: number | null;
  scores: Scores | null;
  emotion: { assumed: number | null; measured: number | null };
}

export interface JourneyMeasures {
  cases: number;
  stages: StageMeasure[];
}

/** Which stage a survey answer belongs to: its `stage` (name or id), else its touchpoint. */
function surveyStage(response: SurveyResponse, journey: Journey, stages: BoundStage[]): number {
  if (response.stage !== null) {
    const s = stages.findIndex((stage) => stage.id === response.stage || stage.name === response.stage);
    if (s >= 0) return s;
  }
  const touchpoint = response.touchpoint;
  if (touchpoint === null) return -1;
  const byRule = stages.findIndex((stage) =>
    stage.rules.some((rule) => rule.activities.includes(touchpoint)),
  );
  if (byRule >= 0) return byRule;
  const card = journey.cards.find((candidate) => candidate.text === touchpoint);
  return card ? stages.findIndex((stage) => stage.id === card.stageId) : -1;
}

/**
 * Puts measurements on a map's stages from a log (and optionally survey answers): reach,
 * conversion and drop-off to the next stage, median time in stage, scores, verbatims and the
 * measured emotion beside the assumed one.
 */
export function measureJourney(
  log: EventLog,
  journey: Journey,
  survey: readonly SurveyResponse[] = [],
): JourneyMeasures {
  const stages = boundStages(journey);
  const stageOf = stageOfEvents(log, stages);
  const cases = caseCount(log);
  const reached = new Float64Array(stages.length);
  const converted = new Float64Array(stages.length);
  const times: number[][] = stages.map(() => []);
  const firstAt = new Int32Array(stages.length);
  for (let c = 0; c < cases; c++) {
    const from = log.caseStart[c]!;
    const to = log.caseStart[c + 1]!;
    firstAt.fill(-1);
    for (let e = from; e < to; e++) {
      const s = stageOf[e]!;
      if (s >= 0 && firstAt[s]! < 0) firstAt[s] = e;
    }
    for (let s = 0; s < stages.length; s++) {
      const entry = firstAt[s]!;
      if (entry < 0) continue;
      reached[s]!++;
      if (s + 1 < stages.length) {
        for (let e = entry + 1; e < to; e++) {
          if (stageOf[e] === s + 1) {
            converted[s]!++;
            break;
          }
        }
      }
      let leave = -1;
      let lastOwn = entry;
      for (let e = entry + 1; e < to; e++) {
        const other = stageOf[e]!;
        if (other === s) lastOwn = e;
        else if (other >= 0) {
          leave = e;
          break;
        }
      }
      times[s]!.push(log.time[leave >= 0 ? leave : lastOwn]! - log.time[entry]!);
    }
  }
  const answers: SurveyResponse[][] = stages.map(() => []);
  for (const response of survey) {
    const s = surveyStage(response, journey, stages);
    if (s >= 0) answers[s]!.push(response);
  }
  const assumed = new Map(
    journey.emotions.filter((point) => !point.stepId).map((point) => [point.stageId, point.score]),
  );
  return {
    cases,
    stages: stages.map((stage, s) => {
      const sorted = Float64Array.from(times[s]!).sort();
      const median = quantileSorted(sorted, 0.5);
      const scores = answers[s]!.length > 0 ? scoreResponses(answers[s]!) : null;
      const isLast = s === stages.length - 1;
      return {
        stageId: stage.id,
        name: stage.name,
        isBound: stage.rules.length > 0,
        casesReached: reached[s]!,
        reach: cases === 0 ? 0 : reached[s]! / cases,
        conversionToNext: isLast
          ? null
          : { cases: converted[s]!, share: reached[s] === 0 ? 0 : converted[s]! / reached[s]! },
        dropOff: isLast ? 0 : reached[s]! - converted[s]!,
        medianSecondsInStage: median === null ? null : median / 1e6,
        scores,
        emotion: {
          assumed: assumed.get(stage.id) ?? null,
          measured: scores ? emotionFromScores(scores) : null,
        },
      };
    }),
  };
}
