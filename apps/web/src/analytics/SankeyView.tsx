import { useId, useMemo, useState } from 'react';
import { filterDfg, sliderStops } from './dfgFilter';
import { formatCount } from './format';
import { layoutSankey } from './sankeyLayout';
import type { Dfg } from './types';

const WIDTH = 760;
const HEIGHT = 240;
const NODE_WIDTH = 12;

/** The directly-follows graph as a Sankey, with a slider hiding rare activities and paths. */
export function SankeyView({ dfg }: { dfg: Dfg }) {
  const stops = useMemo(() => sliderStops(dfg), [dfg]);
  const [stop, setStop] = useState(0);
  const at = Math.min(stop, Math.max(0, stops.length - 1));
  const minCount = stops[at] ?? 1;
  const visible = useMemo(() => filterDfg(dfg, minCount), [dfg, minCount]);
  const layout = useMemo(
    () => layoutSankey(visible, { width: WIDTH, height: HEIGHT, nodeWidth: NODE_WIDTH }),
    [visible],
  );
  const id = useId();
  const hidden = Object.keys(dfg.activities).length - visible.activities.length;
  return (
    <div className="sankey" data-testid="sankey">
      <div className="sankey-controls">
        <label htmlFor={`${id}-slider`}>Minimum frequency</label>
        <input
          id={`${id}-slider`}
          type="range"
          min={0}
          max={Math.max(0, stops.length - 1)}
          step={1}
          value={at}
          aria-valuetext={`at least ${minCount}`}
          onChange={(event) => setStop(Number(event.target.value))}
          data-testid="sankey-slider"
        />
        <output htmlFor={`${id}-slider`} data-testid="sankey-threshold">
          ≥ {formatCount(minCount)}
        </output>
        <span className="muted" data-testid="sankey-visible">
          {visible.activities.length} activities, {visible.edges.length} paths shown
          {hidden > 0 ? ` (${hidden} activities hidden)` : ''}
        </span>
      </div>
      <svg
        viewBox={`-4 -4 ${WIDTH + 8} ${HEIGHT + 40}`}
        role="img"
        aria-label={`Paths between ${visible.activities.length} activities, at least ${minCount} cases each`}
        className="sankey-svg"
      >
        <g className="sankey-links">
          {layout.links.map((link) => (
            <path
              key={`${link.from}\u0000${link.to}`}
              d={link.path}
              className={link.isBack ? 'sankey-link is-back' : 'sankey-link'}
              strokeWidth={Math.max(1, link.thickness)}
              data-testid="sankey-link"
              data-from={link.from}
              data-to={link.to}
              data-count={link.count}
            >
              <title>{`${link.from} → ${link.to}: ${link.count}`}</title>
            </path>
          ))}
        </g>
        <g className="sankey-nodes">
          {layout.nodes.map((node) => {
            const isRight = node.x + NODE_WIDTH / 2 > WIDTH / 2;
            return (
              <g key={node.id} data-testid="sankey-node" data-name={node.id} data-count={node.count}>
                <rect
                  x={node.x}
                  y={node.y}
                  width={NODE_WIDTH}
                  height={Math.max(1, node.height)}
                  className={`sankey-node is-${node.kind}`}
                />
                <text
                  x={isRight ? node.x - 4 : node.x + NODE_WIDTH + 4}
                  y={node.y + node.height / 2}
                  dominantBaseline="middle"
                  textAnchor={isRight ? 'end' : 'start'}
                  className="sankey-label"
                >
                  {`${node.id} (${node.count})`}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <details className="sankey-table">
        <summary>Paths as a table</summary>
        <table className="analytics-table">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Cases</th>
            </tr>
          </thead>
          <tbody>
            {layout.links.map((link) => (
              <tr key={`${link.from}\u0000${link.to}`}>
                <td>{link.from}</td>
                <td>{link.to}</td>
                <td>{formatCount(link.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
