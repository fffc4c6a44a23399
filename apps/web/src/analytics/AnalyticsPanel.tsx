import { useEffect, useMemo, useRef, useState } from 'react';
import { useEditor } from '../editor/EditorContext';
import { stageMeasuresStore } from './analyticsStore';
import { AnalyticsTabs } from './AnalyticsTabs';
import { BindingEditor } from './BindingEditor';
import { DatasetList } from './DatasetList';
import { DatasetUpload } from './DatasetUpload';
import { datasetsApi } from './datasetsApi';
import { boundDataset, shownStageMeasures } from './mapBindings';
import { useDatasets } from './useDatasets';
import { useMapWorkspace } from './useMapWorkspace';
import { useLoaded, valueOf } from './useQuery';
import './analytics.css';

/** What measuring a map depends on besides the dataset: bindings, stage order and names, assumed emotions. */
function useBindingsKey() {
  const { doc, status } = useEditor();
  const key = useMemo(
    () =>
      JSON.stringify([
        doc.metricBindings.filter((binding) => !binding.deletedAt),
        doc.stages.map((stage) => [stage.id, stage.index, stage.name]),
        doc.emotions.map((point) => [point.stageId, point.stepId, point.score]),
      ]),
    [doc.metricBindings, doc.stages, doc.emotions],
  );
  // The server measures the stored map: wait until local edits are saved before asking again.
  const settled = useRef(key);
  if (status.save === 'saved' || status.save === 'local') settled.current = key;
  return settled.current;
}

/**
 * The analytics drawer of the editor, once it knows which workspace holds the map (datasets
 * belong to that workspace, whichever one the switcher shows).
 */
export function AnalyticsPanel({
  mapId,
  workspaceId: currentWorkspaceId,
  onClose,
}: {
  mapId: string;
  workspaceId: string;
  onClose: () => void;
}) {
  const workspaceId = useMapWorkspace(mapId, currentWorkspaceId);
  if (workspaceId) return <AnalyticsDrawer mapId={mapId} workspaceId={workspaceId} onClose={onClose} />;
  return (
    <section className="analytics-panel" aria-label="Analytics" data-testid="analytics-panel">
      <p className="muted analytics-header">Opening analytics…</p>
    </section>
  );
}

/**
 * The analytics drawer of the editor: datasets of the workspace (upload, delete, choose), the
 * map's bindings, and the measures. Polls the dataset list while open, so a re-upload under the
 * same name (new `createdAt`) refreshes every number without a reload.
 */
function AnalyticsDrawer({
  mapId,
  workspaceId,
  onClose,
}: {
  mapId: string;
  workspaceId: string;
  onClose: () => void;
}) {
  const editor = useEditor();
  const { datasets, isRefused, refresh } = useDatasets(workspaceId);
  const boundTo = boundDataset(editor.doc);
  const [chosen, setChosen] = useState<string | undefined>();
  const names = datasets?.map((dataset) => dataset.name) ?? [];
  const dataset = [chosen, boundTo, names[0]].find((name) => name !== undefined && names.includes(name));
  const info = datasets?.find((candidate) => candidate.name === dataset);
  const version = info?.createdAt ?? '';
  const bindingsKey = useBindingsKey();

  const measure = useLoaded(info ? JSON.stringify([info.name, version, bindingsKey]) : null, () =>
    datasetsApi.measure(workspaceId, info!.name, mapId),
  );
  const queries = useLoaded(info ? JSON.stringify([info.name, version]) : null, async () => {
    const [summary, dfg, variants] = await Promise.all([
      datasetsApi.query(workspaceId, info!.name, 'summary'),
      datasetsApi.query(workspaceId, info!.name, 'dfg'),
      datasetsApi.query(workspaceId, info!.name, 'variants', { limit: 20 }),
    ]);
    return { summary, dfg, variants };
  });
  const loadedMeasures = valueOf(measure);
  const measured = useMemo(
    () =>
      loadedMeasures && {
        ...loadedMeasures,
        measures: { ...loadedMeasures.measures, stages: shownStageMeasures(loadedMeasures.measures.stages) },
      },
    [loadedMeasures],
  );
  const results = valueOf(queries);

  useEffect(() => {
    stageMeasuresStore.set(
      measured ? new Map(measured.measures.stages.map((stage) => [stage.stageId, stage])) : null,
    );
  }, [measured]);
  useEffect(() => {
    // The drawer is fixed over the lower part of the screen: shrink the map's scroll area to match.
    document.body.classList.add('is-analytics-open');
    return () => {
      document.body.classList.remove('is-analytics-open');
      stageMeasuresStore.set(null);
    };
  }, []);

  return (
    <section className="analytics-panel" aria-labelledby="analytics-title" data-testid="analytics-panel">
      <header className="analytics-header">
        <h2 id="analytics-title">Analytics</h2>
        {info && (
          <span className="muted" data-testid="analytics-version">
            {info.name} · uploaded {new Date(info.createdAt).toLocaleString()}
          </span>
        )}
        {(measure.state === 'loading' || queries.state === 'loading') && (
          <span className="muted" role="status">
            Updating…
          </span>
        )}
        <button type="button" className="icon-button" aria-label="Close analytics" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="analytics-body">
        <div className="analytics-side">
          {editor.status.canEdit && (
            <DatasetUpload
              workspaceId={workspaceId}
              onUploaded={(result) => {
                setChosen(result.name);
                void refresh();
              }}
            />
          )}
          {datasets && (
            <DatasetList
              workspaceId={workspaceId}
              datasets={datasets}
              selected={dataset}
              boundTo={boundTo}
              canEdit={editor.status.canEdit}
              onSelect={setChosen}
              onChanged={() => void refresh()}
            />
          )}
          {dataset && (
            <BindingEditor
              dataset={dataset}
              boundTo={boundTo}
              activities={Object.keys(results?.dfg.activities ?? {})}
              attributes={info?.attributes ?? []}
            />
          )}
        </div>
        <div className="analytics-main">
          {isRefused && <p role="alert">The datasets of this workspace are not shared with you.</p>}
          {measure.state === 'error' && <p role="alert">{measure.message}</p>}
          {info && measured && results ? (
            <AnalyticsTabs
              workspaceId={workspaceId}
              mapId={mapId}
              dataset={info.name}
              version={version}
              bindingsKey={bindingsKey}
              measured={measured}
              results={results}
            />
          ) : (
            !isRefused && (
              <p className="muted">
                {datasets && datasets.length === 0
                  ? 'Upload an event log to measure this map.'
                  : 'Loading measures…'}
              </p>
            )
          )}
        </div>
      </div>
    </section>
  );
}
