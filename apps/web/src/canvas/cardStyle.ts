import type { CHANNELS } from '@trailmap/schema';
import { PRIORITIES, type Card, type ColorSchema } from '@trailmap/schema';
import type { z } from 'zod';

type Color = z.infer<typeof ColorSchema>;

/** Sticky-note colors: background and a darker border, both with ≥ 4.5:1 text contrast on #1b1f24. */
export const CARD_COLORS: Record<Color, { fill: string; edge: string; name: string }> = {
  yellow: { fill: '#fff4b8', edge: '#d9b600', name: 'Yellow' },
  orange: { fill: '#ffe0c2', edge: '#e08a2c', name: 'Orange' },
  red: { fill: '#ffd6d6', edge: '#d64545', name: 'Red' },
  pink: { fill: '#fcdcee', edge: '#d0559a', name: 'Pink' },
  purple: { fill: '#e8dcff', edge: '#8a63d2', name: 'Purple' },
  blue: { fill: '#d8e9ff', edge: '#3f7fd1', name: 'Blue' },
  teal: { fill: '#d2f3ee', edge: '#2a9d8f', name: 'Teal' },
  green: { fill: '#dcf5d5', edge: '#4c9a3a', name: 'Green' },
  gray: { fill: '#eceef1', edge: '#8a939e', name: 'Gray' },
};

export const COLOR_CYCLE: readonly (Color | undefined)[] = [
  undefined,
  ...(Object.keys(CARD_COLORS) as Color[]),
];
export const PRIORITY_CYCLE: readonly (Card['priority'] | undefined)[] = [undefined, ...PRIORITIES];

/** The value after `current` in a cycle (wrapping), for one-key toggles. */
export function nextInCycle<T>(cycle: readonly T[], current: T): T {
  const at = cycle.indexOf(current);
  return cycle[(at + 1) % cycle.length]!;
}

export const CHANNEL_ICONS: Record<(typeof CHANNELS)[number], string> = {
  web: '🌐',
  app: '📱',
  store: '🏬',
  phone: '📞',
  email: '✉️',
  chat: '💬',
  social: '👥',
  sms: '📨',
  mail: '📮',
  'in-person': '🤝',
  partner: '🔗',
  advertising: '📣',
  product: '📦',
  other: '•',
};

export const PRIORITY_LABELS: Record<(typeof PRIORITIES)[number], string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
