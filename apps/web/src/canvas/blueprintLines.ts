import { BLUEPRINT_LINES } from '@trailmap/schema';

export type BlueprintLine = (typeof BLUEPRINT_LINES)[number];

/** How the lines between blueprint lanes are named on the grid and in the lane menu. */
export const LINE_LABELS: Record<BlueprintLine, string> = {
  interaction: 'Line of interaction',
  visibility: 'Line of visibility',
  'internal-interaction': 'Line of internal interaction',
};

/** The lane menu's choices: no line, or one of the three lines drawn above the lane. */
export const LINE_CHOICES: readonly { value: BlueprintLine | 'none'; label: string }[] = [
  { value: 'none', label: 'No line above' },
  ...BLUEPRINT_LINES.map((line) => ({ value: line, label: `${LINE_LABELS[line]} above` })),
];
