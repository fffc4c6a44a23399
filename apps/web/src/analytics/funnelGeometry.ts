export interface FunnelBar {
  label: string;
  cases: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Share of the first step's cases. */
  shareOfStart: number;
  /** Cases lost since the previous step, and their share of that step (0 for the first bar). */
  dropOff: number;
  dropOffShare: number;
}

export interface FunnelGeometryOptions {
  width: number;
  labelWidth: number;
  barHeight: number;
  gap: number;
}

/**
 * Horizontal funnel bars: each step's width is its cases relative to the first step, over the
 * width left after the label column; bars stack downwards.
 */
export function funnelGeometry(
  steps: readonly { label: string; cases: number }[],
  options: FunnelGeometryOptions,
): { bars: FunnelBar[]; height: number } {
  const first = steps[0]?.cases ?? 0;
  const room = Math.max(0, options.width - options.labelWidth);
  const bars = steps.map((step, i) => {
    const previous = i === 0 ? step.cases : steps[i - 1]!.cases;
    const shareOfStart = first > 0 ? step.cases / first : 0;
    const dropOff = Math.max(0, previous - step.cases);
    return {
      label: step.label,
      cases: step.cases,
      x: options.labelWidth,
      y: i * (options.barHeight + options.gap),
      width: Math.round(room * shareOfStart * 100) / 100,
      height: options.barHeight,
      shareOfStart,
      dropOff: i === 0 ? 0 : dropOff,
      dropOffShare: i === 0 || previous === 0 ? 0 : dropOff / previous,
    };
  });
  const height = steps.length === 0 ? 0 : steps.length * options.barHeight + (steps.length - 1) * options.gap;
  return { bars, height };
}
