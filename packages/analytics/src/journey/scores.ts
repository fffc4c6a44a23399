import Sentiment from 'sentiment';
import type { SurveyResponse } from './survey';

export interface Verbatim {
  text: string;
  /** AFINN-based score of the `sentiment` package (sum of word scores). */
  sentiment: number;
  touchpoint: string | null;
  stage: string | null;
}

/** Scores of a group of survey answers. Shares are 0–1; NPS is −100…100. */
export interface Scores {
  responses: number;
  /** Share of 4–5 among 1–5 answers, and the mean answer. */
  csat: { responses: number; score: number; mean: number } | null;
  /** % promoters (9–10) − % detractors (0–6). */
  nps: {
    responses: number;
    score: number;
    promoters: number;
    passives: number;
    detractors: number;
    mean: number;
  } | null;
  ces: { responses: number; mean: number } | null;
  sentiment: {
    responses: number;
    meanScore: number;
    meanComparative: number;
    positive: number;
    neutral: number;
    negative: number;
  } | null;
  topVerbatims: { positive: Verbatim[]; negative: Verbatim[] };
}

let analyzer: Sentiment | null = null;
/** Sentiment of one English text: the package's `score` and `comparative` (score per word). */
export function sentimentOf(text: string): { score: number; comparative: number } {
  analyzer ??= new Sentiment();
  const { score, comparative } = analyzer.analyze(text);
  return { score, comparative };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** CSAT, NPS, CES and verbatim sentiment over a group of answers. */
export function scoreResponses(
  responses: readonly SurveyResponse[],
  options: { topVerbatims?: number } = {},
): Scores {
  const csat = responses.flatMap((r) => (r.csat === null ? [] : [r.csat]));
  const nps = responses.flatMap((r) => (r.nps === null ? [] : [r.nps]));
  const ces = responses.flatMap((r) => (r.ces === null ? [] : [r.ces]));
  const verbatims = responses.flatMap((r) => {
    if (r.text === null) return [];
    const { score, comparative } = sentimentOf(r.text);
    return [{ text: r.text, sentiment: score, comparative, touchpoint: r.touchpoint, stage: r.stage }];
  });
  const top = options.topVerbatims ?? 3;
  const byScore = [...verbatims].sort(
    (a, b) => b.sentiment - a.sentiment || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
  const strip = ({ comparative: _comparative, ...verbatim }: (typeof verbatims)[number]): Verbatim =>
    verbatim;
  const promoters = nps.filter((v) => v >= 9).length;
  const detractors = nps.filter((v) => v <= 6).length;
  return {
    responses: responses.length,
    csat:
      csat.length === 0
        ? null
        : {
            responses: csat.length,
            score: csat.filter((v) => v >= 4).length / csat.length,
            mean: mean(csat),
          },
    nps:
      nps.length === 0
        ? null
        : {
            responses: nps.length,
            score: ((promoters - detractors) / nps.length) * 100,
            promoters,
            passives: nps.length - promoters - detractors,
            detractors,
            mean: mean(nps),
          },
    ces: ces.length === 0 ? null : { responses: ces.length, mean: mean(ces) },
    sentiment:
      verbatims.length === 0
        ? null
        : {
            responses: verbatims.length,
            meanScore: mean(verbatims.map((v) => v.sentiment)),
            meanComparative: mean(verbatims.map((v) => v.comparative)),
            positive: verbatims.filter((v) => v.sentiment > 0).length,
            neutral: verbatims.filter((v) => v.sentiment === 0).length,
            negative: verbatims.filter((v) => v.sentiment < 0).length,
          },
    topVerbatims: {
      positive: byScore
        .filter((v) => v.sentiment > 0)
        .slice(0, top)
        .map(strip),
      negative: byScore
        .filter((v) => v.sentiment < 0)
        .reverse()
        .slice(0, top)
        .map(strip),
    },
  };
}

/**
 * A −2…+2 emotion score from measured data, comparable with the map's assumed curve: the mean of
 * the available signals, each mapped linearly onto −2…+2 (CSAT mean 1–5, NPS mean 0–10, CES mean
 * 1–7 where higher means easier, sentiment comparative clamped to −1…1 then doubled).
 */
export function emotionFromScores(scores: Scores): number | null {
  const signals: number[] = [];
  if (scores.csat) signals.push(scores.csat.mean - 3);
  if (scores.nps) signals.push((scores.nps.mean - 5) * 0.4);
  if (scores.ces) signals.push(((scores.ces.mean - 4) * 2) / 3);
  if (scores.sentiment) signals.push(Math.max(-1, Math.min(1, scores.sentiment.meanComparative)) * 2);
  return signals.length === 0 ? null : mean(signals);
}

export interface TouchpointScores extends Scores {
  touchpoint: string | null;
  stage: string | null;
}

/** Scores per touchpoint (or per stage), groups in order of first appearance. */
export function scoreTouchpoints(
  responses: readonly SurveyResponse[],
  options: { by?: 'touchpoint' | 'stage' } = {},
): TouchpointScores[] {
  const by = options.by ?? 'touchpoint';
  const groups = new Map<string | null, SurveyResponse[]>();
  for (const response of responses) {
    const key = response[by];
    const group = groups.get(key);
    if (group) group.push(response);
    else groups.set(key, [response]);
  }
  return [...groups].map(([key, group]) => ({
    touchpoint: by === 'touchpoint' ? key : null,
    stage: by === 'stage' ? key : null,
    ...scoreResponses(group),
  }));
}
