import type { Journey, Opportunity } from '@trailmap/schema';
import { sortByIndex } from '@trailmap/core';

export type PlanColumn =
  'title' | 'stage' | 'owner' | 'kpi' | 'target' | 'deadline' | 'budget' | 'status' | 'votes';
export interface PlanSort {
  column: PlanColumn;
  direction: 'asc' | 'desc';
}

const STATUS_ORDER = ['idea', 'planned', 'in-progress', 'done', 'dropped'];

export interface PlanRow {
  opportunity: Opportunity;
  stageName: string;
  stageOrder: number;
}

/** Every opportunity with its stage, sorted by a column; empty values always sort last. */
export function actionPlanRows(doc: Journey, sort: PlanSort): PlanRow[] {
  const stages = sortByIndex(doc.stages);
  const rows = sortByIndex(doc.opportunities).map((opportunity) => {
    const stageOrder = stages.findIndex((stage) => stage.id === opportunity.stageId);
    return { opportunity, stageName: stages[stageOrder]?.name ?? '', stageOrder };
  });
  const valueOf = (row: PlanRow): string | number | undefined => {
    const o = row.opportunity;
    switch (sort.column) {
      case 'stage':
        return row.stageOrder;
      case 'votes':
        return o.votes;
      case 'budget':
        return o.budget?.amount;
      case 'status':
        return STATUS_ORDER.indexOf(o.status);
      default:
        return o[sort.column]?.toLowerCase() || undefined;
    }
  };
  const factor = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, position) => ({ row, position, value: valueOf(row) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        return a.value === b.value ? a.position - b.position : a.value === undefined ? 1 : -1;
      }
      const order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return order * factor || a.position - b.position;
    })
    .map((entry) => entry.row);
}
