import { formatCount, formatSeconds, percent } from './format';
import type { Scores, StageMeasure, TouchpointMeasure } from './types';

const csat = (scores: Scores | null) => (scores?.csat ? percent(scores.csat.score) : '–');
const nps = (scores: Scores | null) => (scores?.nps ? scores.nps.score.toFixed(0) : '–');
const ces = (scores: Scores | null) => (scores?.ces ? scores.ces.mean.toFixed(1) : '–');

/** Per stage: reach, conversion and drop-off to the next stage, median time, scores. */
export function StageMetricsTable({ stages, cases }: { stages: StageMeasure[]; cases: number }) {
  return (
    <table className="analytics-table" data-testid="stage-metrics-table">
      <caption>Stages measured over {formatCount(cases)} cases</caption>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col">Reach</th>
          <th scope="col">To next stage</th>
          <th scope="col">Drop-off</th>
          <th scope="col">Median time in stage</th>
          <th scope="col">CSAT</th>
          <th scope="col">NPS</th>
          <th scope="col">CES</th>
        </tr>
      </thead>
      <tbody>
        {stages.map((stage) => (
          <tr key={stage.stageId} data-testid="stage-metrics-row" data-stage-id={stage.stageId}>
            <th scope="row">{stage.name}</th>
            {stage.isBound ? (
              <>
                <td data-testid="stage-reach">
                  {formatCount(stage.casesReached)} ({percent(stage.reach)})
                </td>
                <td data-testid="stage-conversion">
                  {stage.conversionToNext
                    ? `${formatCount(stage.conversionToNext.cases)} (${percent(stage.conversionToNext.share)})`
                    : '–'}
                </td>
                <td data-testid="stage-dropoff">
                  {stage.conversionToNext ? formatCount(stage.dropOff) : '–'}
                </td>
                <td>{formatSeconds(stage.medianSecondsInStage)}</td>
                <td>{csat(stage.scores)}</td>
                <td>{nps(stage.scores)}</td>
                <td>{ces(stage.scores)}</td>
              </>
            ) : (
              <td colSpan={7} className="muted">
                Not bound: give it activities under Bindings.
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per bound touchpoint card: cases that used it and its survey scores. */
export function TouchpointTable({
  touchpoints,
  labelOf,
}: {
  touchpoints: TouchpointMeasure[];
  labelOf: (cardId: string) => string;
}) {
  if (touchpoints.length === 0) return null;
  return (
    <table className="analytics-table" data-testid="touchpoint-table">
      <caption>Touchpoints</caption>
      <thead>
        <tr>
          <th scope="col">Touchpoint</th>
          <th scope="col">Cases</th>
          <th scope="col">Answers</th>
          <th scope="col">CSAT</th>
          <th scope="col">NPS</th>
          <th scope="col">CES</th>
        </tr>
      </thead>
      <tbody>
        {touchpoints.map((touchpoint) => (
          <tr key={touchpoint.cardId} data-testid="touchpoint-row">
            <th scope="row">{labelOf(touchpoint.cardId)}</th>
            <td>{formatCount(touchpoint.cases)}</td>
            <td>{touchpoint.scores ? formatCount(touchpoint.scores.responses) : 0}</td>
            <td>{csat(touchpoint.scores)}</td>
            <td>{nps(touchpoint.scores)}</td>
            <td>{ces(touchpoint.scores)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
