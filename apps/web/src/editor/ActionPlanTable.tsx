import { useState } from 'react';
import { useEditor } from './EditorContext';
import { actionPlanRows, type PlanColumn, type PlanSort } from './actionPlan';

const COLUMNS: { id: PlanColumn; label: string }[] = [
  { id: 'title', label: 'Opportunity' },
  { id: 'stage', label: 'Stage' },
  { id: 'owner', label: 'Owner' },
  { id: 'kpi', label: 'KPI' },
  { id: 'target', label: 'Target' },
  { id: 'deadline', label: 'Deadline' },
  { id: 'budget', label: 'Budget' },
  { id: 'status', label: 'Status' },
  { id: 'votes', label: 'Votes' },
];

/** All opportunities as a sortable table: the team's action plan. */
export function ActionPlanTable() {
  const editor = useEditor();
  const [sort, setSort] = useState<PlanSort>({ column: 'votes', direction: 'desc' });
  const rows = actionPlanRows(editor.doc, sort);
  const toggle = (column: PlanColumn) =>
    setSort((current) => ({
      column,
      direction: current.column === column && current.direction === 'asc' ? 'desc' : 'asc',
    }));
  return (
    <div className="plan-wrap">
      <table className="plan-table" data-testid="action-plan">
        <caption>Action plan: {rows.length} opportunities</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.id}
                scope="col"
                aria-sort={
                  sort.column === column.id ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
                }
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => toggle(column.id)}
                  data-testid={`plan-sort-${column.id}`}
                >
                  {column.label}
                  <span aria-hidden="true">
                    {sort.column === column.id ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ opportunity: o, stageName }) => (
            <tr key={o.id} data-testid="plan-row">
              <th scope="row">{o.title}</th>
              <td>{stageName}</td>
              <td>{o.owner ?? '—'}</td>
              <td>{o.kpi ?? '—'}</td>
              <td>{o.target ?? '—'}</td>
              <td>{o.deadline ?? '—'}</td>
              <td>{o.budget ? `${o.budget.amount.toLocaleString()} ${o.budget.currency}` : '—'}</td>
              <td>{o.status}</td>
              <td>
                {o.votes}
                {editor.status.canEdit && (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Vote for ${o.title}`}
                    onClick={() => editor.run('opportunity.vote', { id: o.id }, 'ui')}
                  >
                    ▲
                  </button>
                )}
              </td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length}>No opportunities yet. Select a pain point and create one.</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
