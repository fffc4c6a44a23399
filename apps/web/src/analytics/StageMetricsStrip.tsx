import { useCallback } from 'react';
import { useSelector } from '../lib/useSelector';
import { stageMeasuresStore } from './analyticsStore';
import { formatCount, formatSeconds, percent } from './format';

/** A one-line summary of a stage's measures under its header while the analytics panel is open. */
export function StageMetricsStrip({ stageId }: { stageId: string }) {
  const measure = useSelector(
    stageMeasuresStore,
    useCallback((measures) => measures?.get(stageId), [stageId]),
  );
  if (!measure?.isBound) return null;
  const conversion = measure.conversionToNext ? ` · → ${percent(measure.conversionToNext.share)}` : '';
  const time =
    measure.medianSecondsInStage === null ? '' : ` · ${formatSeconds(measure.medianSecondsInStage)}`;
  return (
    <span
      className="stage-metrics-strip"
      data-testid="stage-metrics-strip"
      title={`${formatCount(measure.casesReached)} cases reached this stage`}
    >
      {formatCount(measure.casesReached)} cases{conversion}
      {time}
    </span>
  );
}
