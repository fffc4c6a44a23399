import { useState, type KeyboardEvent } from 'react';
import { useEditor } from '../editor/EditorContext';
import { ConformanceView } from './ConformanceView';
import { EmotionComparison } from './EmotionComparison';
import { FunnelChart } from './FunnelChart';
import { stageFunnelSteps } from './mapBindings';
import { SankeyView } from './SankeyView';
import { SegmentComparison } from './SegmentComparison';
import { StageMetricsTable, TouchpointTable } from './StageMetricsTable';
import type { Dfg, LogSummary, MeasureResponse, VariantsResult } from './types';
import { VariantExplorer } from './VariantExplorer';

const TABS = [
  ['stages', 'Stages'],
  ['paths', 'Paths'],
  ['funnel', 'Funnel'],
  ['variants', 'Variants'],
  ['segments', 'Segments'],
  ['design', 'Designed vs actual'],
  ['emotion', 'Emotion'],
] as const;
type Tab = (typeof TABS)[number][0];

/** The measure views as an ARIA tab list (arrow keys move between tabs). */
export function AnalyticsTabs({
  workspaceId,
  mapId,
  dataset,
  version,
  bindingsKey,
  measured,
  results,
}: {
  workspaceId: string;
  mapId: string;
  dataset: string;
  version: string;
  bindingsKey: string;
  measured: MeasureResponse;
  results: { summary: LogSummary; dfg: Dfg; variants: VariantsResult };
}) {
  const { doc } = useEditor();
  const [tab, setTab] = useState<Tab>('stages');
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const at = TABS.findIndex(([id]) => id === tab);
    const next = TABS[(at + step + TABS.length) % TABS.length]![0];
    setTab(next);
    document.getElementById(`analytics-tab-${next}`)?.focus();
  };
  const cardText = new Map(doc.cards.map((card) => [card.id, card.text]));
  return (
    <>
      <div role="tablist" aria-label="Analytics views" className="analytics-tabs" onKeyDown={onKeyDown}>
        {TABS.map(([id, label]) => (
          <button
            key={id}
            id={`analytics-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls="analytics-tabpanel"
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            data-testid={`analytics-tab-${id}`}
          >
            {label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="analytics-tabpanel"
        aria-labelledby={`analytics-tab-${tab}`}
        className="analytics-tabpanel"
        tabIndex={0}
      >
        {tab === 'stages' && (
          <>
            <StageMetricsTable stages={measured.measures.stages} cases={measured.measures.cases} />
            <TouchpointTable
              touchpoints={measured.touchpoints}
              labelOf={(id) => cardText.get(id) || 'Untitled touchpoint'}
            />
          </>
        )}
        {tab === 'paths' && <SankeyView dfg={results.dfg} />}
        {tab === 'funnel' && (
          <FunnelChart
            workspaceId={workspaceId}
            dataset={dataset}
            version={version}
            defaultSteps={stageFunnelSteps(doc, dataset)}
          />
        )}
        {tab === 'variants' && <VariantExplorer variants={results.variants} />}
        {tab === 'segments' && (
          <SegmentComparison
            workspaceId={workspaceId}
            dataset={dataset}
            version={version}
            mapId={mapId}
            bindingsKey={bindingsKey}
            attributes={results.summary.attributes}
          />
        )}
        {tab === 'design' && <ConformanceView conformance={measured.conformance} />}
        {tab === 'emotion' && <EmotionComparison stages={measured.measures.stages} />}
      </div>
    </>
  );
}
