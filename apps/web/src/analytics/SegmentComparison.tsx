import { useId, useState } from 'react';
import { datasetsApi } from './datasetsApi';
import { formatCount, formatSeconds, percent } from './format';
import { shownStageMeasures } from './mapBindings';
import type { Filter, MeasureResponse } from './types';
import { useLoaded, valueOf } from './useQuery';

interface Side {
  key: string;
  value: string;
}

const toFilters = (side: Side): Filter[] =>
  side.key && side.value !== '' ? [{ kind: 'attribute', key: side.key, value: side.value }] : [];

function SideEditor({
  title,
  side,
  attributes,
  onChange,
}: {
  title: string;
  side: Side;
  attributes: string[];
  onChange: (side: Side) => void;
}) {
  const id = useId();
  return (
    <fieldset className="segment-side" data-testid={`segment-${title.toLowerCase()}`}>
      <legend>Segment {title}</legend>
      <label htmlFor={`${id}-key`}>Attribute</label>
      <select
        id={`${id}-key`}
        value={side.key}
        onChange={(event) => onChange({ ...side, key: event.target.value })}
      >
        <option value="">(all cases)</option>
        {attributes.map((attribute) => (
          <option key={attribute} value={attribute}>
            {attribute}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-value`}>equals</label>
      <input
        id={`${id}-value`}
        defaultValue={side.value}
        onBlur={(event) => onChange({ ...side, value: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange({ ...side, value: event.currentTarget.value });
        }}
      />
    </fieldset>
  );
}

/** Two attribute filters side by side: each stage's reach, conversion and time per segment. */
export function SegmentComparison({
  workspaceId,
  dataset,
  version,
  mapId,
  bindingsKey,
  attributes,
}: {
  workspaceId: string;
  dataset: string;
  version: string;
  mapId: string;
  bindingsKey: string;
  attributes: string[];
}) {
  const [a, setA] = useState<Side>({ key: attributes[0] ?? '', value: '' });
  const [b, setB] = useState<Side>({ key: attributes[0] ?? '', value: '' });
  const measure = (side: Side) => () => datasetsApi.measure(workspaceId, dataset, mapId, toFilters(side));
  const key = (side: Side) => JSON.stringify([dataset, version, bindingsKey, toFilters(side)]);
  const left = valueOf(useLoaded(key(a), measure(a)));
  const right = valueOf(useLoaded(key(b), measure(b)));
  return (
    <div data-testid="segments">
      <div className="segment-editors">
        <SideEditor title="A" side={a} attributes={attributes} onChange={setA} />
        <SideEditor title="B" side={b} attributes={attributes} onChange={setB} />
      </div>
      {left && right && <ComparisonTable left={left} right={right} />}
    </div>
  );
}

function ComparisonTable({ left, right }: { left: MeasureResponse; right: MeasureResponse }) {
  const rightStage = new Map(
    shownStageMeasures(right.measures.stages).map((stage) => [stage.stageId, stage]),
  );
  return (
    <table className="analytics-table" data-testid="segment-table">
      <caption>
        A: {formatCount(left.measures.cases)} cases · B: {formatCount(right.measures.cases)} cases
      </caption>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col">Reach A</th>
          <th scope="col">Reach B</th>
          <th scope="col">To next A</th>
          <th scope="col">To next B</th>
          <th scope="col">Median time A</th>
          <th scope="col">Median time B</th>
        </tr>
      </thead>
      <tbody>
        {shownStageMeasures(left.measures.stages).map((stage) => {
          const other = rightStage.get(stage.stageId);
          if (!stage.isBound)
            return (
              <tr key={stage.stageId} data-testid="segment-row">
                <th scope="row">{stage.name}</th>
                <td colSpan={6} className="muted">
                  Not bound
                </td>
              </tr>
            );
          return (
            <tr key={stage.stageId} data-testid="segment-row">
              <th scope="row">{stage.name}</th>
              <td>{percent(stage.reach)}</td>
              <td>{other ? percent(other.reach) : '–'}</td>
              <td>{stage.conversionToNext ? percent(stage.conversionToNext.share) : '–'}</td>
              <td>{other?.conversionToNext ? percent(other.conversionToNext.share) : '–'}</td>
              <td>{formatSeconds(stage.medianSecondsInStage)}</td>
              <td>{formatSeconds(other?.medianSecondsInStage ?? null)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
